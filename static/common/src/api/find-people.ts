import { ADMIN, type FindPeoplePayload, type FoundPeople, type Language } from '../../../../src/shared/contracts';
import { call } from './call';

/** People or groups for the admin page's contact pickers (admins only). */
export const findPeople = (lang: Language, search: Omit<FindPeoplePayload, 'lang'>) =>
  call<FoundPeople>(ADMIN.findPeople, { lang, ...search });
