// Settings → Territories, for the organisation's admin (issue 19, point 2): the territories defined, each
// with its rules and who holds its key, by name, and a way to change its members and managers; a form to
// add one; and "Apply the rules to everyone", which moves each person and organisation into its
// territory. Each territory's key is handed to its holders sealed to their public keys; the server routes
// by a random tag and never sees a name or a rule.
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import MapOutlinedIcon from '@mui/icons-material/MapOutlined';
import { useTranslation } from 'react-i18next';
import type { AccountLink } from '../../../../shared/sync';
import { mayManageOrganisation } from '../../../../shared/sync';
import {
  applyTerritories,
  changeTerritoryHolders,
  createTerritory,
  territoryList,
  type ApplyProgress,
  type TerritoryInput,
} from '../../../../shared/territories';
import { FormSection } from '../../../ui/FormSection';
import { useLiveQuery, valueOr } from '../../../kit/useLiveQuery';
import { useOperation } from '../../../kit/useOperation';
import { fetchFromWindow, useSyncStore } from '../../sync/stores/sync-store';
import { TerritoryForm } from './TerritoryForm';
import { TerritoryList } from './TerritoryList';
import { TerritoryMoves } from './TerritoryMoves';
import { trackTerritoryRotations } from '../../sync/stores/territory-rotations';
import type { Holders } from './HolderPickers';

type Message = { readonly severity: 'success' | 'error'; readonly text: string };

const KNOWN_ERRORS = ['offline', 'forbidden', 'member-not-pinned', 'not-found'];

export function TerritorySettings() {
  const link = useSyncStore((s) => s.link);
  if (!link || !mayManageOrganisation(link.role)) return null;
  return <TerritorySection link={link} />;
}

function TerritorySection({ link }: { readonly link: AccountLink }) {
  const { t } = useTranslation();
  const territories = valueOr(useLiveQuery(territoryList, undefined), []);
  const define = useOperation(createTerritory);
  const change = useOperation(changeTerritoryHolders);
  const apply = useOperation(applyTerritories);
  const members = useSyncStore((s) => s.members);
  // Who may hold a territory: members who joined and whose key this device checked (the admin's device
  // keeps the list fresh while Settings is open); admins hold every territory anyway.
  const candidates = useMemo(
    () =>
      (members ?? [])
        .filter((m) => m.status === 'active' && m.state === 'active' && m.role !== 'admin')
        .map((m) => m.id),
    [members],
  );
  const [message, setMessage] = useState<Message | null>(null);
  // "n of N" while the rules are applied, step by step.
  const [applying, setApplying] = useState<ApplyProgress | null>(null);
  // Read again after the rules moved people, so their moves show.
  const [movesRead, setMovesRead] = useState(0);
  const territoryName = useMemo(() => {
    const byTag = new Map(territories.map((s) => [s.data.tag, s.data.name]));
    return (tag: string) => byTag.get(tag);
  }, [territories]);

  const failed = (error: string): Message => ({
    severity: 'error',
    text: KNOWN_ERRORS.includes(error)
      ? t(`territories.errors.${error}` as 'territories.errors.offline')
      : t('territories.errors.other', { error }),
  });

  const add = async (territory: TerritoryInput): Promise<boolean> => {
    setMessage(null);
    const defined = await define.run({ fetch: fetchFromWindow, link, territory });
    setMessage(
      defined.ok
        ? { severity: 'success', text: t('territories.added', { name: defined.value.data.name }) }
        : failed(defined.error),
    );
    return defined.ok;
  };

  const changeHolders = async (tag: string, holders: Holders): Promise<boolean> => {
    setMessage(null);
    // Taking someone off moves the key to a new epoch: its row shows the renewal while it runs.
    const changed = await trackTerritoryRotations((onProgress) =>
      change.run({
        fetch: fetchFromWindow,
        link,
        tag,
        members: [...holders.members],
        managers: [...holders.managers],
        onProgress,
      }),
    );
    setMessage(
      changed.ok
        ? { severity: 'success', text: t('territories.holdersChanged', { name: changed.value.data.name }) }
        : failed(changed.error),
    );
    return changed.ok;
  };

  const applyAll = async () => {
    setMessage(null);
    const moved = await apply.run({ progress: setApplying }).finally(() => setApplying(null));
    const count = Object.values(moved).reduce((a, b) => a + b, 0);
    setMessage({ severity: 'success', text: t('territories.applied', { count }) });
    setMovesRead((n) => n + 1);
  };

  return (
    <FormSection
      title={t('territories.title')}
      description={t('territories.description')}
      icon={<MapOutlinedIcon />}
    >
      <Stack spacing={2} data-testid="territories">
        <TerritoryList
          territories={territories}
          candidates={candidates}
          busy={change.busy}
          onChangeHolders={changeHolders}
        />
        <Typography variant="subtitle2" component="h3">
          {t('territories.new')}
        </Typography>
        <TerritoryForm candidates={candidates} busy={define.busy} onDefine={add} />
        <div>
          <Button disabled={territories.length === 0 || apply.busy} onClick={() => void applyAll()}>
            {t('territories.apply')}
          </Button>
        </div>
        {applying && (
          <Typography variant="body2" role="status" data-testid="territories-applying">
            {t('territories.applying', { done: applying.done, total: applying.total })}
          </Typography>
        )}
        <Typography variant="body2" color="text.secondary">
          {t('territories.applyHelp')}
        </Typography>
        {message && (
          <Alert severity={message.severity} role="status">
            {message.text}
          </Alert>
        )}
        {territories.length > 0 && (
          <TerritoryMoves key={movesRead} link={link} territoryName={territoryName} />
        )}
      </Stack>
    </FormSection>
  );
}
