// "Move to…" on a deal card: the same moves as dragging, for keyboard and screen-reader users.
import { useId, useState } from 'react';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../shared/deals';

interface Props {
  readonly title: string;
  readonly stages: readonly Stage[];
  readonly currentStageId: string;
  readonly onMove: (stage: Stage) => void;
}

export function MoveToMenu({ title, stages, currentStageId, onMove }: Props) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  return (
    <>
      <IconButton
        size="small"
        aria-label={t('deals.board.moveMenu', { title })}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu id={menuId} anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem disabled dense>
          <ListItemText>{t('deals.board.moveTo')}</ListItemText>
        </MenuItem>
        {stages.map((stage) => (
          <MenuItem
            key={stage.id}
            disabled={stage.id === currentStageId}
            onClick={() => {
              setAnchor(null);
              onMove(stage);
            }}
          >
            {stage.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
