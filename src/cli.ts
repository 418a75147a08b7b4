// Command-line arguments: `nn-tutor [--json] [--out DIR] [--platform NAME] ["/command ..."]`.
export type PlatformChoice = 'console' | 'discord' | 'slack';

export interface CliArgs {
  json: boolean;
  outDir?: string;
  platform?: PlatformChoice;
  line?: string;
  help: boolean;
}

export class CliError extends Error {}

export const USAGE = `Usage: nn-tutor [--json] [--out DIR] [--platform console|discord|slack] ["/command ..."]
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
      else if (v === 'console' || v === 'discord' || v === 'slack') args.platform = v;
      else throw new CliError(`--platform must be console, discord or slack, not "${v}"`);
    } else if (a.startsWith('--out=')) args.outDir = a.slice(6);
    else if (a.startsWith('--') && !a.startsWith('--/')) throw new CliError(`unknown flag ${a}`);
    else rest.push(a);
  }
  if (rest.length) args.line = rest.join(' ');
  return args;
}
