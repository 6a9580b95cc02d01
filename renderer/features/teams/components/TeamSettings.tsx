// Settings → Teams, for admins and managers (issue 19, point 1): the teams defined, each a name and its
// members shown by their display names, and a form to add or edit one. Teams are organisation settings,
// encrypted and synced to every member (shared/teams); lists and reports filter by them.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import { useTranslation } from 'react-i18next';
import { removeTeam, saveTeam, type Team } from '../../../../shared/teams';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useOperation } from '../../../kit/useOperation';
import { useOwnerLabel } from '../../../kit/useOwnerLabel';
import { FormSection } from '../../../ui/FormSection';
import { useTeamCandidates } from '../hooks/useTeamCandidates';
import { useTeams } from '../hooks/useTeams';

/** Teams are defined by those who see everyone's figures: admins and managers. */
export const mayDefineTeams = (role: string): boolean => role === 'admin' || role === 'manager';

export function TeamSettings() {
  const { role } = useCurrentUser();
  if (!mayDefineTeams(role)) return null;
  return <TeamSection />;
}

function TeamSection() {
  const { t } = useTranslation();
  const teams = useTeams();
  const candidates = useTeamCandidates();
  const label = useOwnerLabel();
  const save = useOperation(saveTeam);
  const remove = useOperation(removeTeam);
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  const clear = () => {
    setEditing(null);
    setName('');
    setMembers([]);
  };
  const edit = (team: Team) => {
    setMessage(null);
    setEditing(team.id);
    setName(team.name);
    setMembers([...team.memberIds]);
  };
  const toggle = (id: string) =>
    setMembers((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]));

  const submit = async () => {
    setMessage(null);
    try {
      await save.run({ id: editing, team: { name, memberIds: members } });
      setMessage({ severity: 'success', text: t('reports.teams.saved', { name: name.trim() }) });
      clear();
    } catch {
      setMessage({ severity: 'error', text: t('reports.teams.failed') });
    }
  };

  return (
    <FormSection
      title={t('reports.teams.title')}
      description={t('reports.teams.description')}
      icon={<GroupsOutlinedIcon />}
    >
      <Stack spacing={2}>
        {teams.length > 0 && (
          <List dense aria-label={t('reports.teams.title')}>
            {teams.map((team) => (
              <ListItem
                key={team.id}
                secondaryAction={
                  <Stack direction="row" spacing={1}>
                    <Button size="small" onClick={() => edit(team)}>
                      {t('reports.teams.edit', { name: team.name })}
                    </Button>
                    <Button
                      size="small"
                      color="error"
                      disabled={remove.busy}
                      onClick={() => void remove.run(team.id).then(() => editing === team.id && clear())}
                    >
                      {t('reports.teams.remove', { name: team.name })}
                    </Button>
                  </Stack>
                }
              >
                <ListItemText
                  primary={team.name}
                  secondary={
                    team.memberIds.length
                      ? team.memberIds.map((id) => label(id)).join(', ')
                      : t('reports.teams.empty')
                  }
                />
              </ListItem>
            ))}
          </List>
        )}
        <TextField
          size="small"
          label={t('reports.teams.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 80 } }}
        />
        <FormGroup>
          <FormLabel component="legend">{t('reports.teams.members')}</FormLabel>
          {candidates.map((id) => (
            <FormControlLabel
              key={id}
              control={<Checkbox checked={members.includes(id)} onChange={() => toggle(id)} />}
              label={label(id)}
            />
          ))}
        </FormGroup>
        {message && <Alert severity={message.severity}>{message.text}</Alert>}
        <Stack direction="row" spacing={1}>
          <Button variant="contained" disabled={!name.trim() || save.busy} onClick={() => void submit()}>
            {editing ? t('reports.teams.update') : t('reports.teams.add')}
          </Button>
          {editing && <Button onClick={clear}>{t('reports.teams.cancel')}</Button>}
        </Stack>
      </Stack>
    </FormSection>
  );
}
