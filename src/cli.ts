// Command-line arguments: `nn-tutor [--json] [--out DIR] [--platform NAME] ["/command ..."]`.
import { ADAPTER_PLATFORMS, type AdapterPlatform } from './adapters/adapter.ts';

export type PlatformChoice = AdapterPlatform;

export interface CliArgs {
  json: boolean;
  outDir?: string;
  platform?: PlatformChoice;
  line?: string;
  help: boolean;
}

export class CliError extends Error {}

export const USAGE = `Usage: nn-tutor [--json] [--out DIR] [--platform ${ADAPTER_PLATFORMS.join('|')}] ["/command ..."]
  no command     open the console chat (or the platforms configured in the environment)
  "/command"     run one command and exit (exit code 0 ok, 2 input error, 1 internal error)
  --json         print the Reply as JSON; with commands on standard input, one JSON line each`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { json: false, help: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--out' || a === '--platform') {
      const v = argv[++i];
      if (v === undefined) throw new CliError(`${a} needs a value`);
      if (a === '--out') args.outDir = v;
      else if ((ADAPTER_PLATFORMS as readonly string[]).includes(v)) args.platform = v as AdapterPlatform;
      else throw new CliError(`--platform must be one of ${ADAPTER_PLATFORMS.join(', ')}, not "${v.slice(0, 40)}"`);
    } else if (a.startsWith('--out=')) args.outDir = a.slice(6);
    else if (a.startsWith('--') && !a.startsWith('--/')) throw new CliError(`unknown flag ${a}`);
    else rest.push(a);
  }
  if (rest.length) args.line = rest.join(' ');
  return args;
}
