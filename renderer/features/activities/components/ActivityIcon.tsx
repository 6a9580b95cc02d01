// One icon per activity type, the same in the timeline, the form and the filter.
import CallRoundedIcon from '@mui/icons-material/CallRounded';
import EventRoundedIcon from '@mui/icons-material/EventRounded';
import MailOutlineRoundedIcon from '@mui/icons-material/MailOutlineRounded';
import ShoppingBagOutlinedIcon from '@mui/icons-material/ShoppingBagOutlined';
import StickyNote2OutlinedIcon from '@mui/icons-material/StickyNote2Outlined';
import type { ActivityType } from '../../../../shared/activities';

export function ActivityIcon({ type }: { type: ActivityType }) {
  switch (type) {
    case 'call':
      return <CallRoundedIcon fontSize="small" />;
    case 'meeting':
      return <EventRoundedIcon fontSize="small" />;
    case 'email':
      return <MailOutlineRoundedIcon fontSize="small" />;
    case 'note':
      return <StickyNote2OutlinedIcon fontSize="small" />;
    case 'purchase':
      return <ShoppingBagOutlinedIcon fontSize="small" />;
  }
}
