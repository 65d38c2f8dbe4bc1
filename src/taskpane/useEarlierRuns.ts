/**
 * The earlier runs recorded in this workbook (its parameters sheets, docs/periods.md), for the
 * period-over-period choices: looked for again after every run and on request. The Excel call lives
 * here, so the section that lists them (PeriodsSection) gets them as a prop and never calls src/excel.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { listEarlierRuns, type EarlierRunInfo, type ExcelApi } from '../excel';
import type { Lang } from '../i18n';

export interface EarlierRuns {
  /** Undefined until the first look has finished. */
  runs?: EarlierRunInfo[];
  refresh: () => void;
}

export function useEarlierRuns(excel: ExcelApi, lang: Lang, again: unknown): EarlierRuns {
  const [runs, setRuns] = useState<EarlierRunInfo[] | undefined>(undefined);
  const request = useRef(0);
  const refresh = useCallback(() => {
    const n = ++request.current;
    listEarlierRuns(excel, lang).then(
      (found) => n === request.current && setRuns(found),
      () => n === request.current && setRuns([]),
    );
  }, [excel, lang]);
  useEffect(refresh, [refresh, again]);
  return { runs, refresh };
}
