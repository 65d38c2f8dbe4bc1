import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { LANGS, t, type Lang } from '../../i18n';

const useStyles = makeStyles({
  group: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
});

export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label={t(lang, 'pane.language')} className={styles.group}>
      {LANGS.map((code) => (
        <ToggleButton
          key={code}
          size="small"
          appearance={code === lang ? 'primary' : 'subtle'}
          checked={code === lang}
          lang={code === 'zh' ? 'zh-CN' : 'en'}
          onClick={() => onChange(code)}
        >
          {t(lang, code === 'en' ? 'pane.lang.en' : 'pane.lang.zh')}
        </ToggleButton>
      ))}
    </div>
  );
}
