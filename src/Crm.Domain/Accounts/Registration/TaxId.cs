using Crm.Domain.Registry;
using OneOf;

namespace Crm.Domain.Accounts.Registration;

/// <summary>The federal tax id of a registration: a CPF for a <i>pessoa física</i>, a CNPJ for a <i>pessoa jurídica</i>.</summary>
public sealed class TaxId : OneOfBase<Cpf, Cnpj>, IEquatable<TaxId>
{
    private TaxId(OneOf<Cpf, Cnpj> value) : base(value) { }

    /// <summary>A CPF.</summary>
    public static implicit operator TaxId(Cpf cpf) => new(cpf);

    /// <summary>A CNPJ.</summary>
    public static implicit operator TaxId(Cnpj cnpj) => new(cnpj);

    /// <summary>The unmasked characters (11 for a CPF, 14 for a CNPJ).</summary>
    public string Digits => Match(cpf => cpf.Value, cnpj => cnpj.Value);

    /// <summary>The person kind the document identifies.</summary>
    public PersonKind Kind => IsT0 ? PersonKind.Fisica : PersonKind.Juridica;

    /// <inheritdoc />
    public bool Equals(TaxId? other) => other is not null && Kind == other.Kind && Digits == other.Digits;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TaxId);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Digits);

    /// <summary>The masked form.</summary>
    public override string ToString() => Match(cpf => cpf.ToString(), cnpj => cnpj.ToString());
}
