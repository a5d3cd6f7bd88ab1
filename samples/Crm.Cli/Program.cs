using Crm.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
    console.Profile.Width = 4096; // one line per row when the output goes to a file or a pipe, never wrapped
return new CrmCli(console, Console.Error).Run(args);
