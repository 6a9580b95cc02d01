// Settings → Territories → Moves (issue 19): for each move the sync server follows (move-purges.ts), where
// its subjects went and when, and which devices of the territory they left confirmed that they deleted
// them and which are still outstanding (a device offline until it syncs) — as the erasure certificate
// lists devices. The notes of one apply (same territory gone to, same time: a note holds at most 500
// subjects) are one line with their total. What the devices did is the server's word, and the panel says so.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/locale';
import type { AccountLink } from '../../../../shared/sync';
import { followMoves, moveStatuses, type MoveStatus } from '../../../../shared/territories';
import { DataTable } from '../../../ui/DataTable';
import { NamedId } from '../../../ui/NamedId';
import { useMemberNames } from '../../../kit/useMemberNames';
import { fetchFromWindow } from '../../sync/stores/sync-store';
import { useVaultStore } from '../../vault/stores/vault-store';

/** The most moves the panel shows (the server answers the latest 500 notes). */
const SHOWN = 20;

type Confirmed = MoveStatus['confirmed'][number];
type Outstanding = MoveStatus['outstanding'][number];

/** One move as the panel shows it: the notes of one apply together. */
export interface MoveGroup {
  readonly key: string;
  /** Where the subjects went, when and how many (null: no note on this device). */
  readonly note: { readonly to: string; readonly at: number; readonly count: number } | null;
  readonly followedAt: number;
  /** Devices that confirmed every note of the group they were expected for. */
  readonly confirmed: readonly Confirmed[];
  /** Devices outstanding for any note of the group. */
  readonly outstanding: readonly Outstanding[];
}

/** The moves by apply (same `to`, same `at`), newest first as the server answered them. */
export const groupMoves = (moves: readonly MoveStatus[]): MoveGroup[] => {
  const groups = new Map<string, MoveStatus[]>();
  for (const move of moves) {
    const key = move.note ? `${move.note.to}|${move.note.at}` : move.moveId;
    groups.set(key, [...(groups.get(key) ?? []), move]);
  }
  return [...groups].map(([key, notes]) => {
    const first = notes[0]!;
    const outstanding = new Map<string, Outstanding>();
    for (const d of notes.flatMap((n) => n.outstanding))
      if (!outstanding.has(d.deviceId)) outstanding.set(d.deviceId, d);
    const confirmed = new Map<string, Confirmed>();
    for (const d of notes.flatMap((n) => n.confirmed)) {
      const seen = confirmed.get(d.deviceId);
      if (!outstanding.has(d.deviceId) && (!seen || seen.confirmedAt < d.confirmedAt))
        confirmed.set(d.deviceId, d);
    }
    return {
      key,
      note: first.note
        ? {
            to: first.note.to,
            at: first.note.at,
            count: notes.reduce((n, m) => n + (m.note?.subjects.length ?? 0), 0),
          }
        : null,
      followedAt: Math.min(...notes.map((n) => n.followedAt)),
      confirmed: [...confirmed.values()],
      outstanding: [...outstanding.values()],
    };
  });
};

export type MovesState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly moves: readonly MoveStatus[] };

export interface TerritoryMovesViewProps {
  readonly state: MovesState;
  /** A territory's name by its tag, when this device knows it. */
  readonly territoryName: (tag: string) => string | undefined;
  readonly names: { readonly users: Record<string, string>; readonly devices: Record<string, string> };
  readonly onRefresh?: () => void;
}

/** The moves and their devices; shown by TerritoryMoves, which reads them from the server. */
/** One device of a move: its name, its user's, and what it did (confirmed, or not yet). */
function DeviceRow({
  device,
  names,
  children,
}: {
  device: { deviceId: string; userId: string };
  names: TerritoryMovesViewProps['names'];
  children: ReactNode;
}) {
  return (
    <TableRow>
      <TableCell>
        <NamedId name={names.devices[device.deviceId]} id={device.deviceId} />
      </TableCell>
      <TableCell>
        <NamedId name={names.users[device.userId]} id={device.userId} />
      </TableCell>
      <TableCell>{children}</TableCell>
    </TableRow>
  );
}

export function TerritoryMovesView({ state, territoryName, names, onRefresh }: TerritoryMovesViewProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const stamp = (at: number) => formatDateTime(at, language, 'long');
  const shown = state.status === 'ready' ? groupMoves(state.moves).slice(0, SHOWN) : [];
  return (
    <Stack spacing={1.5} data-testid="territory-moves">
      <Typography variant="subtitle2" component="h3">
        {t('territories.moves.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('territories.moves.help')}
      </Typography>
      {state.status === 'failed' && <Alert severity="warning">{t('territories.moves.loadFailed')}</Alert>}
      {state.status === 'ready' && state.moves.length === 0 && (
        <Typography variant="body2">{t('territories.moves.empty')}</Typography>
      )}
      {shown.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('territories.moves.shown', { count: shown.length, max: SHOWN })}
        </Typography>
      )}
      {shown.map((move) => {
        const to = move.note
          ? (territoryName(move.note.to) ?? t('territories.moves.unknownTerritory'))
          : null;
        const total = move.confirmed.length + move.outstanding.length;
        const title = move.note
          ? t('territories.moves.line', { to, date: stamp(move.note.at), count: move.note.count })
          : t('territories.moves.unknownNote', { date: stamp(move.followedAt) });
        return (
          <Stack key={move.key} spacing={0.5} component="section" aria-label={title}>
            <Typography variant="body2">
              <strong>{title}</strong>
              {' — '}
              {total === 0
                ? t('territories.moves.nobody')
                : t('territories.moves.summary', { confirmed: move.confirmed.length, total })}
            </Typography>
            {total > 0 && (
              <DataTable
                size="small"
                label={title}
                columns={[
                  t('territories.moves.device'),
                  t('territories.moves.user'),
                  t('territories.moves.state'),
                ]}
              >
                {move.confirmed.map((d) => (
                  <DeviceRow key={d.deviceId} device={d} names={names}>
                    {t('territories.moves.confirmedAt', { date: stamp(d.confirmedAt) })}
                  </DeviceRow>
                ))}
                {move.outstanding.map((d) => (
                  <DeviceRow key={d.deviceId} device={d} names={names}>
                    {d.lastSyncAt
                      ? t('territories.moves.outstanding', { date: stamp(d.lastSyncAt) })
                      : t('territories.moves.neverSynced')}
                  </DeviceRow>
                ))}
              </DataTable>
            )}
          </Stack>
        );
      })}
      {onRefresh && (
        <div>
          <Button onClick={onRefresh} disabled={state.status === 'loading'}>
            {t('territories.moves.refresh')}
          </Button>
        </div>
      )}
    </Stack>
  );
}

/** Hands the server this device's move notes it does not follow yet, then reads every move's devices. */
export function TerritoryMoves({
  link,
  territoryName,
}: {
  readonly link: AccountLink;
  readonly territoryName: (tag: string) => string | undefined;
}) {
  const session = useVaultStore((s) => s.session);
  const { names } = useMemberNames();
  const [state, setState] = useState<MovesState>({ status: 'loading' });
  const read = useCallback(async (): Promise<MovesState> => {
    if (!session) return { status: 'failed' };
    const ctx = { fetch: fetchFromWindow, link, session };
    await followMoves(ctx).catch(() => undefined);
    const listed = await moveStatuses(ctx).catch(() => null);
    return listed?.ok ? { status: 'ready', moves: listed.value } : { status: 'failed' };
  }, [session, link]);
  useEffect(() => {
    let live = true;
    void read().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [read]);
  const refresh = () => {
    setState({ status: 'loading' });
    void read().then(setState);
  };
  return <TerritoryMovesView state={state} territoryName={territoryName} names={names} onRefresh={refresh} />;
}
