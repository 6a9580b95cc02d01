// Step 1: choose a file; show what was detected (format, encoding, delimiter, sheet, rows) and let the
// user correct it when the guess was wrong.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { useTranslation } from 'react-i18next';
import type { CsvDelimiter, TextEncoding } from '../../../../shared/import';
import { usePlatform } from '../../../platform/platform-context';
import { SelectField } from '../../../ui/forms/SelectField';
import { useImportStore } from '../stores/import-store';

const MAX_BYTES = 200 * 1024 * 1024;
const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;
const DELIMITERS: CsvDelimiter[] = [',', ';', '\t'];
const ENCODINGS: TextEncoding[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];

export function FileStep() {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  const { file, summary, busy, openFile, reread, setStep } = useImportStore();
  const format = new Intl.NumberFormat(i18n.language);

  const choose = async () => {
    const picked = await platform.openFile({
      title: t('import.file.dialogTitle'),
      filters: [{ name: t('import.file.filter'), extensions: ['csv', 'txt', 'tsv', 'xlsx', 'vcf'] }],
      maxBytes: MAX_BYTES,
    });
    if (!picked.ok) {
      useImportStore.setState({
        error: { key: picked.error === 'too-large' ? 'tooLarge' : 'unreadable' },
      });
      return;
    }
    if (picked.value) await openFile(picked.value);
  };

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('import.file.intro')}
      </Typography>
      <Button variant="outlined" startIcon={<UploadFileOutlinedIcon />} onClick={choose} disabled={!!busy}>
        {file ? t('import.file.chooseOther') : t('import.file.choose')}
      </Button>
      {file && summary && (
        <Box sx={{ mt: 3 }} data-testid="import-detected">
          <Typography variant="subtitle1">{file.name}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('import.file.detected', {
              format: t(`import.formats.${summary.format}`),
              rows: t('import.file.rows', {
                count: summary.rowCount,
                shown: format.format(summary.rowCount),
              }),
              columns: t('import.file.columns', {
                count: summary.headers.length,
                shown: format.format(summary.headers.length),
              }),
            })}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            {summary.format === 'csv' && (
              <>
                <SelectField
                  size="small"
                  label={t('import.file.delimiter')}
                  value={summary.delimiter ?? ','}
                  onChange={(delimiter) => void reread({ delimiter })}
                  options={DELIMITERS}
                  labelOf={(d) => t(`import.delimiters.${DELIMITER_NAMES[d]}`)}
                  sx={{ minWidth: 180 }}
                />
                <SelectField
                  size="small"
                  label={t('import.file.encoding')}
                  value={summary.encoding ?? 'utf-8'}
                  onChange={(encoding) => void reread({ encoding })}
                  options={ENCODINGS}
                  labelOf={(enc) => t(`import.encodings.${enc}`)}
                  sx={{ minWidth: 220 }}
                />
              </>
            )}
            {summary.sheetNames && summary.sheetNames.length > 1 && (
              <SelectField
                size="small"
                label={t('import.file.sheet')}
                value={summary.sheet ?? ''}
                onChange={(sheet) => void reread({ sheet })}
                options={summary.sheetNames}
                labelOf={(name) => name}
                sx={{ minWidth: 180 }}
              />
            )}
          </Box>
        </Box>
      )}
      <Box sx={{ mt: 3 }}>
        <Button
          variant="contained"
          disabled={!summary || !!busy || summary.rowCount === 0}
          onClick={() => setStep('mapping')}
        >
          {t('import.next')}
        </Button>
      </Box>
    </Box>
  );
}
