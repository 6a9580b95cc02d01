// A privacy tab only some roles may use: the tab for them, and for anyone else a plain "not for your role".
import type { ReactElement, ReactNode } from 'react';
import type { Role } from '../../../../shared/sync';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { EmptyState } from '../../../ui/EmptyState';

interface Props {
  readonly allowed: (role: Role) => boolean;
  readonly icon: ReactElement;
  readonly notAllowed: string;
  readonly children: ReactNode;
}

export function RoleGate({ allowed, icon, notAllowed, children }: Props) {
  const { role } = useCurrentUser();
  return allowed(role) ? children : <EmptyState icon={icon} title={notAllowed} />;
}
