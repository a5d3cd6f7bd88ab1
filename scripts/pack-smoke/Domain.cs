// Smoke program of scripts/pack-smoke.sh for a console app that installs Crm.Domain alone.
using System.Reflection;
using Crm.Domain.Registry;

var version = typeof(Cnpj).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
if (!Cnpj.TryParse("11.222.333/0001-81", out var cnpj))
{
    Console.Error.WriteLine("a valid CNPJ was refused");
    return 1;
}
if (Cnpj.TryParse("11.222.333/0001-82", out _))
{
    Console.Error.WriteLine("a CNPJ with a wrong check digit was accepted");
    return 1;
}
Console.WriteLine($"Crm.Domain {version}: CNPJ {cnpj} parsed, a wrong check digit refused");
return 0;
