import { useState } from 'react';
import { Button, Caption1, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { displayName, METRICS, othersName, segmentMapPreset, type Level, type Metric, type Scheme, type SegmentMap, type SegmentMapPreset } from '../../core';
import { t, type Lang } from '../../i18n';
import {
  addSegment,
  editedMap,
  editorCheck,
  mapChoice,
  moveUp,
  removeSegment,
  renameOthers,
  renameSegment,
  setLevel,
  setRangeEnd,
} from '../segmentMap';
import { useShared } from '../styles';

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  table: { borderCollapse: 'collapse', width: '100%', '& td, & th': { padding: '1px 2px', textAlign: 'left' } },
  ruleRow: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  cell: { whiteSpace: 'nowrap' },
  num: {
    width: '2.4em',
    boxSizing: 'border-box',
    fontSize: tokens.fontSizeBase200,
    padding: '1px 2px',
    textAlign: 'center',
    // The arrow keys still step the score; the spinner buttons would not fit the narrow pane.
    MozAppearance: 'textfield',
    '::-webkit-inner-spin-button': { display: 'none' },
    '::-webkit-outer-spin-button': { display: 'none' },
  },
  level: { fontSize: tokens.fontSizeBase200, maxWidth: '4.6em' },
  icon: { minWidth: '22px', padding: '0 2px' },
  name: { width: '100%' },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const LEVELS: readonly Level[] = ['high', 'low', 'any'];

/**
 * The segment map editor (docs/segments.md): a preset to start from, one table row per rule (name, then
 * R/F/M as high/low/any or two score inputs, move up, remove), the Others name, and the gap / overlap
 * check below, recomputed on every edit. Native inputs only, each labelled with its segment, so the
 * whole editor works by keyboard. State: the reducer's insight form (`map`).
 */
export function SegmentMapEditor({
  lang,
  map: formMap,
  scheme,
  disabled,
  onChange,
}: {
  lang: Lang;
  map: SegmentMap | undefined;
  scheme: Scheme;
  disabled: boolean;
  onChange: (map: SegmentMap | undefined) => void;
}) {
  const shared = useShared();
  const styles = useStyles();
  const map = editedMap(formMap);
  const choice = mapChoice(formMap);
  const check = editorCheck(map, scheme, lang);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const set = (next: SegmentMap) => onChange(next);
  const metric = (m: Metric) => m.toUpperCase();
  return (
    <div className={styles.editor} data-testid="segment-map-editor">
      <Field label={t(lang, 'segmap.preset')}>
        <Select
          value={choice}
          disabled={disabled}
          data-testid="segment-map-preset"
          onChange={(_, data) => {
            if (data.value === 'custom') return;
            onChange(data.value === 'china8' ? undefined : segmentMapPreset(data.value as SegmentMapPreset));
          }}
        >
          <option value="china8">{t(lang, 'segmap.presetName.china8')}</option>
          <option value="rfm10">{t(lang, 'segmap.presetName.rfm10')}</option>
          {choice === 'custom' && <option value="custom">{t(lang, 'segmap.custom')}</option>}
        </Select>
      </Field>
      <table className={styles.table} data-testid="segment-map-rules">
        <caption className={shared.muted}>{t(lang, 'segmap.kindHint')}</caption>
        <thead>
          <tr>
            {METRICS.map((m) => (
              <th key={m} scope="col">
                {metric(m)}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        {map.segments.map((rule, i) => {
          const name = displayName(rule.name, lang) || t(lang, 'segmap.newName', { n: i + 1 });
          return (
            // Two rows per rule, so the table fits the narrow pane: the name, then its R, F, M rule.
            <tbody key={i} data-testid="segment-map-rule">
              <tr>
                <td colSpan={4}>
                  <Input
                    size="small"
                    className={styles.name}
                    aria-label={t(lang, 'segmap.name')}
                    value={rule.name[lang] ?? displayName(rule.name, lang)}
                    disabled={disabled}
                    onChange={(_, data) => set(renameSegment(map, i, lang, data.value))}
                  />
                </td>
              </tr>
              <tr className={styles.ruleRow}>
                {METRICS.map((m) => (
                  <td key={m} className={styles.cell}>
                    {map.kind === 'highLow' ? (
                      <select
                        className={styles.level}
                        aria-label={t(lang, 'segmap.levelOf', { metric: metric(m), name })}
                        value={(rule as { [k in Metric]: Level })[m]}
                        disabled={disabled}
                        onChange={(e) => set(setLevel(map, i, m, e.target.value as Level))}
                      >
                        {LEVELS.map((level) => (
                          <option key={level} value={level}>
                            {t(lang, `segmap.${level}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      ([0, 1] as const).map((end) => {
                        const key = `${i}${m}${end}`;
                        const saved = String((rule as { [k in Metric]: [number, number] })[m][end]);
                        return (
                          <input
                            key={end}
                            type="number"
                            className={styles.num}
                            min={1}
                            max={100}
                            aria-label={t(lang, 'segmap.scoreOf', { metric: metric(m), end: t(lang, end === 0 ? 'segmap.from' : 'segmap.to'), name })}
                            value={draft[key] ?? saved}
                            disabled={disabled}
                            onChange={(e) => {
                              // A draft while the text is not a score (emptied to type another), the map once it is.
                              setDraft({ ...draft, [key]: e.target.value });
                              const v = Number(e.target.value);
                              if (e.target.value.trim() !== '') set(setRangeEnd(map, i, m, end, v));
                            }}
                            onBlur={() => setDraft({})}
                          />
                        );
                      })
                    )}
                  </td>
                ))}
                <td className={styles.cell}>
                  <Button size="small" appearance="subtle" className={styles.icon} disabled={disabled || i === 0} aria-label={t(lang, 'segmap.up', { name })} onClick={() => set(moveUp(map, i))}>
                    ↑
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    className={styles.icon}
                    disabled={disabled || map.segments.length <= 1}
                    aria-label={t(lang, 'segmap.remove', { name })}
                    onClick={() => set(removeSegment(map, i))}
                  >
                    ×
                  </Button>
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
      <Button size="small" disabled={disabled} onClick={() => set(addSegment(map, scheme, lang))} data-testid="segment-map-add">
        {t(lang, 'segmap.add')}
      </Button>
      <Field label={t(lang, 'segmap.othersLabel')}>
        <Input
          size="small"
          value={map.others?.[lang] ?? othersName(map, lang)}
          disabled={disabled}
          onChange={(_, data) => set(renameOthers(map, lang, data.value))}
        />
      </Field>
      <div role="status" aria-live="polite" data-testid="segment-map-check">
        {check.problem && <Caption1 className={styles.warn}>{check.problem}</Caption1>}
        {!check.problem && !check.lines.length && <Caption1 block>{t(lang, 'segmap.noProblems')}</Caption1>}
        {check.lines.length > 0 && (
          // The counts in one line; every gap and overlap when opened.
          <details>
            <summary className={styles.warn}>{check.summary}</summary>
            {check.lines.map((line, i) => (
              <Caption1 key={i} block className={styles.warn}>
                {line}
              </Caption1>
            ))}
          </details>
        )}
      </div>
    </div>
  );
}
