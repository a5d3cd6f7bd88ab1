using BenchmarkDotNet.Attributes;
using Crm.Domain.Registry;

namespace Crm.Benchmarks.Registry;

/// <summary>
/// <c>IsValid</c> on valid input, masked and unmasked. Target (issue 2): at most 100 ns and 0 bytes per
/// call for CPF and CNPJ, numeric and alphanumeric.
/// </summary>
[MemoryDiagnoser]
public class RegistryIsValidBenchmarks
{
    private string _cpf = "", _numericCnpj = "", _alphanumericCnpj = "", _cep = "", _phone = "";

    /// <summary>Whether the input carries the usual mask (more characters to skip).</summary>
    [Params(false, true)]
    public bool Masked { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cpf = Masked ? "111.444.777-35" : "11144477735";
        _numericCnpj = Masked ? "11.222.333/0001-81" : "11222333000181";
        _alphanumericCnpj = Masked ? "12.ABC.345/01DE-35" : "12ABC34501DE35";
        _cep = Masked ? "01001-000" : "01001000";
        _phone = Masked ? "+55 (11) 98765-4321" : "11987654321";
    }

    [Benchmark]
    public bool Cpf() => Crm.Domain.Registry.Cpf.IsValid(_cpf);

    [Benchmark]
    public bool NumericCnpj() => Cnpj.IsValid(_numericCnpj);

    [Benchmark]
    public bool AlphanumericCnpj() => Cnpj.IsValid(_alphanumericCnpj);

    [Benchmark]
    public bool Cep() => Crm.Domain.Registry.Cep.IsValid(_cep);

    [Benchmark]
    public bool Phone() => Crm.Domain.Registry.Phone.IsValid(_phone);
}
