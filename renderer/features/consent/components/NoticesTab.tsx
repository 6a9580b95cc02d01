// Privacy notices (Art. 13/14): every published version in English and Dutch. A version is never rewritten:
// a change is a new version, so the ledger can show exactly which text each person was shown.
import { useState } from 'react';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArticleOutlinedIcon from '@mui/icons-material/ArticleOutlined';
import ExpandMoreRoundedIcon from '@mui/icons-material/ExpandMoreRounded';
import PublishRoundedIcon from '@mui/icons-material/PublishRounded';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState';
import { useRegister } from '../hooks/useRegister';
import { useFormatters } from '../hooks/useLocalized';
import { PublishNoticeDialog } from './PublishNoticeDialog';
import { TabIntro } from './TabIntro';

export function NoticesTab() {
  const { t } = useTranslation();
  const { settings, editable } = useRegister();
  const format = useFormatters();
  const [publishing, setPublishing] = useState(false);
  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <TabIntro
        text={t('consent.notices.intro')}
        add={
          editable && {
            label: t('consent.notices.publish'),
            icon: <PublishRoundedIcon />,
            onClick: () => setPublishing(true),
          }
        }
      />
      {settings.loaded && !settings.notices.length && (
        <EmptyState
          icon={<ArticleOutlinedIcon />}
          title={t('consent.notices.empty')}
          description={t('consent.notices.emptyHelp')}
        />
      )}
      <Box>
        {settings.notices.map((notice, index) => (
          <Accordion key={notice.id} defaultExpanded={index === 0} variant="outlined" disableGutters>
            <AccordionSummary expandIcon={<ExpandMoreRoundedIcon />}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography sx={{ fontWeight: 600 }}>
                  {t('consent.notices.versionLabel', { version: notice.data.version })}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {t('consent.notices.publishedOn', { date: format.date(notice.data.publishedOn) })}
                </Typography>
                {index === 0 && <Chip size="small" color="primary" label={t('consent.notices.current')} />}
              </Box>
            </AccordionSummary>
            <AccordionDetails>
              {notice.data.url && (
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {t('consent.notices.url')}:{' '}
                  <Link href={notice.data.url} rel="noopener noreferrer" target="_blank">
                    {notice.data.url}
                  </Link>
                </Typography>
              )}
              <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
                {(['en', 'nl'] as const).map((lang) => (
                  <Box key={lang}>
                    <Typography variant="subtitle2">{t(`consent.purposeForm.language.${lang}`)}</Typography>
                    <Box
                      sx={{
                        whiteSpace: 'pre-wrap',
                        typography: 'body2',
                        maxHeight: 280,
                        overflow: 'auto',
                        p: 1.5,
                        border: 1,
                        borderColor: 'divider',
                        borderRadius: 2,
                      }}
                    >
                      {notice.data.text[lang] || t('consent.notices.noText')}
                    </Box>
                  </Box>
                ))}
              </Box>
            </AccordionDetails>
          </Accordion>
        ))}
      </Box>
      {publishing && <PublishNoticeDialog existing={settings.notices} onClose={() => setPublishing(false)} />}
    </Stack>
  );
}
