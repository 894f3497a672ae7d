import { createRoot } from 'react-dom/client';
import '../../components/page.css';
import { OptionsForm } from './options-form';

createRoot(document.getElementById('root')!).render(<OptionsForm />);
