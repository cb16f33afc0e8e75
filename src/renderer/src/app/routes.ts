/** Transitional: features/account imports navigate from here; it is to import ../ui/routes directly (issue 14). */
export { navigate } from '../ui/routes';
