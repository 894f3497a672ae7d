import { createRoot } from 'react-dom/client';
import '../../components/page.css';
import { ClientsApp } from '../../components/clients/clients-app';
import { ownClientsData } from '../../components/clients/clients-data';
import { backgroundTeamData } from '../../components/clients/team-data';

createRoot(document.getElementById('root')!).render(<ClientsApp data={ownClientsData} team={backgroundTeamData} />);
