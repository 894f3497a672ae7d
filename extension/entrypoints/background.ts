import { defineBackground } from 'wxt/utils/define-background';
import { registerBackground } from '../background/index';

export default defineBackground(() => registerBackground());
