import { createContext, useContext } from 'react';

export type Role = 'merchant_staff' | 'moderator' | 'admin';

export interface User {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  merchantId: string | null;
  locale: string;
}

export const UserContext = createContext<User | null>(null);

/** Pages only render inside a signed-in shell, so a user is always there. */
export function useUser(): User {
  const u = useContext(UserContext);
  if (!u) throw new Error('useUser outside the signed-in shell');
  return u;
}

export function homeFor(role: Role): string {
  return role === 'merchant_staff' ? '/live' : role === 'moderator' ? '/queue' : '/admin';
}
