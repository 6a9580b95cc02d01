// The people who work at an organisation (marked when their processing is restricted, Art. 18), with a
// shortcut to add one.
import { useMemo } from 'react';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemAvatar from '@mui/material/ListItemAvatar';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import PersonAddAlt1OutlinedIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import { useTranslation } from 'react-i18next';
import { formatRoute, NEW_ID } from '../../../kit/routing';
import { FormSection } from '../../../ui/FormSection';
import { SubjectAvatar } from '../../../ui/SubjectAvatar';
import { RestrictionMarker } from '../../subject-rights/components/RestrictionMarker';
import { useRestrictedIds } from '../../subject-rights/hooks/useRestrictedIds';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';
import { RouteButton } from '../../../kit/RouteButton';

const MAX_SHOWN = 200;

export function OrganisationPeople({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const restricted = useRestrictedIds();
  // version: the directory is mutable; a change must refresh the list.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const people = useMemo(() => directory.peopleOf(organisationId), [directory, organisationId, version]);
  return (
    <FormSection
      title={t('organisations.peopleTitle', { count: people.length })}
      icon={<GroupsOutlinedIcon />}
    >
      {people.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {t('organisations.noPeople')}
        </Typography>
      ) : (
        <List dense aria-label={t('organisations.peopleList')} sx={{ mb: 1 }}>
          {people.slice(0, MAX_SHOWN).map((person) => (
            // A link is not a list item by itself: screen readers count and announce <li>s (axe: list).
            <ListItem key={person.id} disablePadding>
              <ListItemButton
                component="a"
                href={formatRoute({ name: 'person', id: person.id })}
                sx={{ borderRadius: 2 }}
              >
                <ListItemAvatar sx={{ minWidth: 46 }}>
                  <SubjectAvatar id={person.id} name={person.displayName} />
                </ListItemAvatar>
                <ListItemText
                  primary={person.displayName}
                  secondary={[person.jobTitle, person.email].filter(Boolean).join(' · ')}
                />
                {restricted.has(person.id) && <RestrictionMarker />}
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
      {people.length > MAX_SHOWN && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {t('organisations.morePeople', { count: people.length - MAX_SHOWN })}
        </Typography>
      )}
      <RouteButton icon={<PersonAddAlt1OutlinedIcon />} to={{ name: 'person', id: NEW_ID, organisationId }}>
        {t('organisations.addPerson')}
      </RouteButton>
    </FormSection>
  );
}
