// Copies a value the user has to hand on (their user id) to the clipboard, and says so. Where the
// clipboard API is refused (Electron denies every permission request), a selected copy does it.
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { notify } from '../../../kit/notification-store';

const copyBySelection = (text: string, doc: Document): boolean => {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } finally {
    area.remove();
  }
};

export const copyText = async (text: string, doc: Document = document): Promise<boolean> => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text, doc);
  }
};

interface Props {
  readonly text: string;
  /** The button's name, e.g. "Copy user id". */
  readonly label: string;
  /** What the notice says once it is copied. */
  readonly copied: string;
}

export function CopyButton({ text, label, copied }: Props) {
  const onClick = async () => {
    if (await copyText(text)) notify(copied);
  };
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={() => void onClick()}>
        <ContentCopyIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
