import { useEffect, useState } from 'react';
import {
  Body1,
  Caption1,
  FluentProvider,
  Title2,
  ToggleButton,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { LANGS, t, type Lang } from '../i18n';

const useStyles = makeStyles({
  root: {
    minHeight: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  title: {
    margin: 0,
  },
  switch: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalXS,
  },
  note: {
    color: tokens.colorNeutralForeground3,
  },
});

export interface AppProps {
  /** Language to start in, normally from Office.context.displayLanguage. */
  initialLang: Lang;
  /** False when the page runs outside Excel (plain browser): a hint is shown instead of tools. */
  inExcel: boolean;
}

export function App({ initialLang, inExcel }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'pane.title');
  }, [lang]);

  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>{t(lang, 'pane.title')}</Title2>
        <div role="group" aria-label={t(lang, 'pane.language')} className={styles.switch}>
          {LANGS.map((code) => (
            <ToggleButton
              key={code}
              size="small"
              appearance={code === lang ? 'primary' : 'subtle'}
              checked={code === lang}
              onClick={() => setLang(code)}
            >
              {t(lang, code === 'en' ? 'pane.lang.en' : 'pane.lang.zh')}
            </ToggleButton>
          ))}
        </div>
      </header>
      <Body1>{t(lang, 'pane.tagline')}</Body1>
      {!inExcel && <Caption1 className={styles.note}>{t(lang, 'pane.notInExcel')}</Caption1>}
    </FluentProvider>
  );
}
