// Types of agent-files.mjs (plain JavaScript so it runs in the image build before any install).
export declare const ENTRY_POINTS: string[];
export declare function specifiersOf(source: string): { specifier: string; typeOnly: boolean }[];
export declare function packageNameOf(specifier: string): string;
export declare function collectAgentFiles(root: string, entries?: string[]): { files: string[]; packages: string[]; problems: string[] };
export declare function agentPackageJson(
  rootPackage: { version?: string; license?: string; dependencies?: Record<string, string> },
  packages: string[],
): { name: string; version?: string; private: true; license?: string; dependencies: Record<string, string> };
