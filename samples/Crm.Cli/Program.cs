using System.CommandLine;

var root = new RootCommand("crm — the Crm.Sdk sample host.");
return root.Parse(args).Invoke();
