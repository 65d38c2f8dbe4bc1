/**
 * The part of the `Office` global the add-in asks outside Excel: `Office.context.requirements
 * .isSetSupported('ExcelApi', '1.N')`, answered for the in-memory workbook's API level, so jest and
 * the preview page run the product's capability checks (src/excel/capabilities.ts) as Excel of that
 * version would.
 */
export interface OfficeShim {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

export function createOfficeShim(level: number): OfficeShim {
  return {
    context: {
      requirements: {
        isSetSupported(name: string, minVersion = '1.1'): boolean {
          if (name !== 'ExcelApi') return false;
          const m = /^1\.(\d+)$/.exec(minVersion);
          return m !== null && Number(m[1]) <= level;
        },
      },
    },
  };
}

/**
 * Makes `shim` the global `Office` (jest, the preview page); returns a function that puts back what
 * was there before.
 */
export function installOffice(shim: OfficeShim): () => void {
  const scope = globalThis as { Office?: unknown };
  const had = 'Office' in scope;
  const before = scope.Office;
  scope.Office = shim;
  return () => {
    if (had) scope.Office = before;
    else delete scope.Office;
  };
}
