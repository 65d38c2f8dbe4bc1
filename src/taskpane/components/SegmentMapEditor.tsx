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
  num: { width: '3.2em', minWidth: '3.2em' },
  name: { minWidth: '7em', width: '100%' },
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
            <th scope="col">{t(lang, 'segmap.name')}</th>
            {METRICS.map((m) => (
              <th key={m} scope="col">
                {metric(m)}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {map.segments.map((rule, i) => {
            const name = displayName(rule.name, lang) || t(lang, 'segmap.newName', { n: i + 1 });
            return (
              <tr key={i} data-testid="segment-map-rule">
                <td>
                  <Input
                    size="small"
                    className={styles.name}
                    aria-label={t(lang, 'segmap.name')}
                    value={rule.name[lang] ?? displayName(rule.name, lang)}
                    disabled={disabled}
                    onChange={(_, data) => set(renameSegment(map, i, lang, data.value))}
                  />
                </td>
                {METRICS.map((m) => (
                  <td key={m}>
                    {map.kind === 'highLow' ? (
                      <Select
                        size="small"
                        aria-label={t(lang, 'segmap.levelOf', { metric: metric(m), name })}
                        value={(rule as { [k in Metric]: Level })[m]}
                        disabled={disabled}
                        onChange={(_, data) => set(setLevel(map, i, m, data.value as Level))}
                      >
                        {LEVELS.map((level) => (
                          <option key={level} value={level}>
                            {t(lang, `segmap.${level}`)}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      ([0, 1] as const).map((end) => (
                        <Input
                          key={end}
                          size="small"
                          type="number"
                          className={styles.num}
                          min={1}
                          max={100}
                          aria-label={t(lang, 'segmap.scoreOf', { metric: metric(m), end: t(lang, end === 0 ? 'segmap.from' : 'segmap.to'), name })}
                          value={String((rule as { [k in Metric]: [number, number] })[m][end])}
                          disabled={disabled}
                          onChange={(_, data) => set(setRangeEnd(map, i, m, end, Number(data.value)))}
                        />
                      ))
                    )}
                  </td>
                ))}
                <td>
                  <Button size="small" appearance="subtle" disabled={disabled || i === 0} aria-label={t(lang, 'segmap.up', { name })} onClick={() => set(moveUp(map, i))}>
                    ↑
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={disabled || map.segments.length <= 1}
                    aria-label={t(lang, 'segmap.remove', { name })}
                    onClick={() => set(removeSegment(map, i))}
                  >
                    ×
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
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
        <Caption1 className={shared.muted}>{t(lang, 'segmap.checkTitle')}</Caption1>
        {check.problem && <Caption1 className={styles.warn}>{check.problem}</Caption1>}
        {!check.problem && !check.lines.length && <Caption1 block>{t(lang, 'segmap.noProblems')}</Caption1>}
        {check.lines.map((line, i) => (
          <Caption1 key={i} block className={styles.warn}>
            {line}
          </Caption1>
        ))}
      </div>
    </div>
  );
}
