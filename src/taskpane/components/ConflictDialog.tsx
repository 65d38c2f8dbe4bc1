import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { t, type Lang } from '../../i18n';
import type { PendingWrite } from '../usePane';

export type DialogAnswer = 'overwrite' | 'newSheet' | 'cancel';

/**
 * Asked before anything the user typed is overwritten: overwrite / new sheet / cancel. A protected
 * sheet or merged cells can't be written at all: new sheet / cancel. Escape cancels.
 */
export function ConflictDialog({ lang, pending, onAnswer }: { lang: Lang; pending?: PendingWrite; onAnswer: (a: DialogAnswer) => void }) {
  const plan = pending?.plan;
  const blocked = plan !== undefined && (plan.protectedSheet || plan.mergedArea !== undefined);
  return (
    <Dialog open={plan !== undefined} modalType="alert" onOpenChange={(_, data) => !data.open && onAnswer('cancel')}>
      <DialogSurface aria-describedby="rfm-dialog-text">
        <DialogBody>
          <DialogTitle>{t(lang, blocked ? 'pane.dialog.blockedTitle' : 'pane.dialog.userTitle')}</DialogTitle>
          <DialogContent id="rfm-dialog-text">
            {plan && blocked && (
              <>
                <p>
                  {plan.protectedSheet
                    ? t(lang, 'pane.dialog.protected', { sheet: plan.sheet })
                    : t(lang, 'pane.dialog.merged', { address: plan.address, merged: plan.mergedArea ?? '' })}
                </p>
                <p>{t(lang, 'pane.dialog.newSheetOffer')}</p>
              </>
            )}
            {plan && !blocked && (
              <p>{t(lang, 'pane.dialog.user', { address: `${plan.sheet}!${plan.address}`, cell: plan.conflictCell ?? plan.address })}</p>
            )}
          </DialogContent>
          <DialogActions fluid>
            {/* The safe answer comes first and so has the focus: Enter alone never overwrites. */}
            <Button appearance="primary" onClick={() => onAnswer('newSheet')}>
              {t(lang, 'pane.dialog.newSheet')}
            </Button>
            {!blocked && <Button onClick={() => onAnswer('overwrite')}>{t(lang, 'pane.dialog.overwrite')}</Button>}
            <Button onClick={() => onAnswer('cancel')}>{t(lang, 'pane.dialog.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
