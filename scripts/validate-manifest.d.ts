/** Types of scripts/validate-manifest.js (the offline manifest checks, docs/manifest-checks.md). */
export interface ManifestCheckOptions {
  /** Every manifest URL must start with this (origin, and path if any). */
  publicUrl: string;
  /** The 4-part version <Version> must equal; omitted: only its form is checked. */
  version?: string;
  /** The built add-in folder: when given, URLs must name files in it and icon sizes are checked. */
  dir?: string;
}
export function schemaErrors(file: string): Promise<string[]>;
export function schemaErrorsOfText(xml: string, fileName?: string): Promise<string[]>;
export function manifestProblems(xml: string, options: ManifestCheckOptions): string[];
export function manifestNotes(xml: string): string[];
export function checkManifest(file: string, options: ManifestCheckOptions): Promise<string[]>;
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined;
