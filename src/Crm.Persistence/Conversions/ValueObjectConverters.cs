using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Registry;
using Crm.Domain.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Persistence.Conversions;

// Value objects are stored as their canonical (unmasked) text and read back through their own parser, so a row that
// was written by this layer always reads back to an equal value; a row edited by hand into an invalid value fails
// loudly (InvalidOperationException from AsT0) instead of smuggling an invalid state into the domain.

internal sealed class CpfConverter() : ValueConverter<Cpf, string>(v => v.Value, s => Cpf.Parse(s).AsT0);

internal sealed class CnpjConverter() : ValueConverter<Cnpj, string>(v => v.Value, s => Cnpj.Parse(s).AsT0);

internal sealed class EmailConverter() : ValueConverter<Email, string>(v => v.Value, s => Email.Parse(s).AsT0);

internal sealed class PhoneConverter() : ValueConverter<Phone, string>(v => v.Value, s => Phone.Parse(s).AsT0);

internal sealed class CepConverter() : ValueConverter<Cep, string>(v => v.Value, s => Cep.Parse(s).AsT0);

internal sealed class CodigoMunicipioConverter()
    : ValueConverter<CodigoMunicipio, string>(v => v.Value, s => CodigoMunicipio.Parse(s).AsT0);

internal sealed class CnaeConverter() : ValueConverter<Cnae, string>(v => v.Value, s => Cnae.Parse(s).AsT0);

internal sealed class MasterDataCodeConverter() : ValueConverter<MasterDataCode, string>(v => v.Value, s => MasterDataCode.Of(s));

internal sealed class ShortNameConverter() : ValueConverter<ShortName, string>(v => v.Value, s => ShortName.From(s)!.Value);

internal sealed class ColourConverter() : ValueConverter<Crm.Domain.Boards.Colour, string>(v => v.Hex, s => Crm.Domain.Boards.Colour.Of(s));

/// <summary>A protected secret is stored as the protector's payload only; the clear text never reaches this layer.</summary>
internal sealed class ProtectedSecretConverter()
    : ValueConverter<Crm.Domain.Servers.ProtectedSecret, string>(v => v.Payload, s => new Crm.Domain.Servers.ProtectedSecret(s));

/// <summary>A CPF has 11 characters and a CNPJ 14, so the unmasked text alone says which one a <see cref="TaxId"/> holds.</summary>
internal sealed class TaxIdConverter() : ValueConverter<TaxId, string>(v => v.Digits, s => Read(s))
{
    private static TaxId Read(string text) => text.Length == 11 ? Cpf.Parse(text).AsT0 : Cnpj.Parse(text).AsT0;
}

/// <summary>Registers the value-object converters for every property of those types, on every provider.</summary>
internal static class ValueObjectConventions
{
    public static void Apply(ModelConfigurationBuilder builder)
    {
        builder.Properties<Cpf>().HaveConversion<CpfConverter>().HaveMaxLength(11);
        builder.Properties<Cnpj>().HaveConversion<CnpjConverter>().HaveMaxLength(14);
        builder.Properties<TaxId>().HaveConversion<TaxIdConverter>().HaveMaxLength(14);
        builder.Properties<Email>().HaveConversion<EmailConverter>().HaveMaxLength(TextLimits.Email);
        builder.Properties<Phone>().HaveConversion<PhoneConverter>().HaveMaxLength(20);
        builder.Properties<Cep>().HaveConversion<CepConverter>().HaveMaxLength(8);
        builder.Properties<CodigoMunicipio>().HaveConversion<CodigoMunicipioConverter>().HaveMaxLength(7);
        builder.Properties<Cnae>().HaveConversion<CnaeConverter>().HaveMaxLength(7);
        builder.Properties<MasterDataCode>().HaveConversion<MasterDataCodeConverter>().HaveMaxLength(TextLimits.MasterDataCode);
        builder.Properties<ShortName>().HaveConversion<ShortNameConverter>().HaveMaxLength(TextLimits.ShortName);
        builder.Properties<Crm.Domain.Boards.Colour>().HaveConversion<ColourConverter>().HaveMaxLength(7);
        builder.Properties<Crm.Domain.Servers.ProtectedSecret>().HaveConversion<ProtectedSecretConverter>();
        builder.Properties<InscricaoEstadual>().HaveConversion<InscricaoEstadualConverter>().HaveMaxLength(40);
        builder.Properties<Crm.Domain.Accounts.ErpLink.IntegrationState>().HaveConversion<IntegrationStateConverter>();
        var domain = typeof(Crm.Domain.Identity.TenantId).Assembly;
        // Enums as their names: readable, and safe when a member is added in the middle of an enum.
        foreach (var type in domain.GetExportedTypes().Where(t => t.IsEnum))
            builder.Properties(type).HaveConversion<string>().HaveMaxLength(40);
        foreach (var id in IdTypes.In(domain))
            builder.Properties(id).HaveConversion(typeof(IdConverter<>).MakeGenericType(id));
    }
}
