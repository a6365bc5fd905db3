import { useState } from 'react';
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import {
  AccessibilityRegular,
  ArrowDownloadRegular,
  InfoRegular,
  QuestionCircleRegular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AboutDialog } from './AboutDialog';
import { DiagnosticsDialog } from './DiagnosticsDialog';

/** The help menu in the header: about, the accessibility statement and the diagnostics export. */
export function HelpMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState<'about' | 'diagnostics' | undefined>();
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="subtle" icon={<QuestionCircleRegular />}>
            {t('help.menu')}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem icon={<InfoRegular />} onClick={() => setOpen('about')}>
              {t('help.about')}
            </MenuItem>
            <MenuItem
              icon={<AccessibilityRegular />}
              onClick={() => void navigate('/barrierefreiheit')}
            >
              {t('help.accessibility')}
            </MenuItem>
            <MenuItem icon={<ArrowDownloadRegular />} onClick={() => setOpen('diagnostics')}>
              {t('help.diagnostics')}
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <AboutDialog open={open === 'about'} onClose={() => setOpen(undefined)} />
      <DiagnosticsDialog open={open === 'diagnostics'} onClose={() => setOpen(undefined)} />
    </>
  );
}
