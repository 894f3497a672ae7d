import { createRoot } from 'react-dom/client';
import '../../components/page.css';
import { TodayList } from './today-list';

createRoot(document.getElementById('root')!).render(<TodayList />);
