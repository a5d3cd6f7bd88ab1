using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>
/// The rules ERPs share, built for one ERP: codes read <c>{erp}.{field}.{rule}</c> (<c>datasul.carrier.not_integrated</c>)
/// and messages name the ERP. Each rule allocates only when it fails. There is no "legal name present" or "short name
/// present" rule: the registration rules give every account both, so such a rule could never fail. Rules built from a field
/// alone read the account's <see cref="RegistrationData.Facts"/> and the settings' packed indexes where they hold the field,
/// so an eligible account costs a few cache lines; rules given a selector (contract 1.0) read what it selects. The messages
/// of failures read the data itself.
/// </summary>
public sealed class AccountRules
{
    private readonly string _erp;
    private readonly string _erpName;

    /// <summary>Rules for the ERP with code prefix <paramref name="erp"/> and display name <paramref name="erpName"/>.</summary>
    public AccountRules(ErpId erp, string erpName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erpName);
        _erp = erp.Value;
        _erpName = erpName;
    }

    /// <summary>The client type is mapped to an account type marked to integrate (seed 000, Tipo de Conta × Tipo de Cliente).</summary>
    public EligibilityRule ClientTypeIntegrates() => new($"{_erp}.client_type.not_integrating", "client_type",
        $"O tipo de cliente deve estar relacionado a um tipo de conta que integra com o ERP {_erpName}.",
        static (a, c) => c.Settings.ClientTypes.Integrates(a.Data),
        (a, _) => a.Data.ClientType is { } type
            ? $"O tipo de cliente {type} não está relacionado a um tipo de conta que integra com o ERP {_erpName}."
            : $"Informe um tipo de cliente que integre com o ERP {_erpName}.");

    /// <summary>The address of <paramref name="kind"/> (for delivery, the default one) is registered.</summary>
    public EligibilityRule AddressPresent(AddressKind kind) => new(
        $"{_erp}.{Path(kind)}.required", Path(kind), $"{Label(kind)} é obrigatório para integração com o ERP {_erpName}.",
        kind switch
        {
            AddressKind.Correspondence => static (a, _) => a.Data.Facts.HasCorrespondenceAddress,
            AddressKind.Billing => static (a, _) => a.Data.Facts.HasBillingAddress,
            _ => static (a, _) => a.Data.Facts.HasDefaultDeliveryAddress,
        });

    /// <summary>The <paramref name="code"/> of <paramref name="field"/> is informed (any code an adapter can select).</summary>
    public EligibilityRule Informed(RegistrationField field, Func<Account, MasterDataCode?> code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Required(field, (a, _) => code(a) is not null);
    }

    /// <summary>
    /// The code of the master-data <paramref name="field"/> (fiscal category, client type, account type, client group,
    /// representative, carrier, portador, payment condition, price table or portfolio) is informed; read from the account's
    /// facts where they hold it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not a master-data field.</exception>
    public EligibilityRule Informed(RegistrationField field) => CodeSlot(field) is var slot and >= 0
        ? Required(field, (a, _) => a.Data.Facts.Code(slot) != PackedText.Absent)
        : Informed(field, CodeOf(field));

    /// <summary>The <paramref name="code"/> of <paramref name="field"/>, when informed, is a record of <paramref name="kind"/> the
    /// ERP knows (and, with <paramref name="activeOnly"/>, an active one).</summary>
    public EligibilityRule Integrated(RegistrationField field, MasterDataKind kind, Func<Account, MasterDataCode?> code,
        bool activeOnly = false)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Integrated(field, activeOnly, code, a => code(a) is not null, (a, c) => c.MasterData.Find(kind, code(a)));
    }

    /// <summary>
    /// The code of the master-data <paramref name="field"/> (as for <see cref="Informed(RegistrationField)"/>), when informed, is a
    /// record of <paramref name="kind"/> the ERP knows (and, with <paramref name="activeOnly"/>, an active one); read from the
    /// account's facts where they hold it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not a master-data field.</exception>
    public EligibilityRule Integrated(RegistrationField field, MasterDataKind kind, bool activeOnly = false) => CodeSlot(field) is var slot and >= 0
        ? Integrated(field, activeOnly, CodeOf(field), a => a.Data.Facts.Code(slot) != PackedText.Absent,
            (a, c) => c.MasterData.Find(kind, a.Data, field, slot))
        : Integrated(field, kind, CodeOf(field), activeOnly);

    /// <summary>The client group is informed and integrated (<see cref="ClientGroup.IntegratedWithErp"/>).</summary>
    public EligibilityRule ClientGroupIntegrated() => new($"{_erp}.client_group.not_integrated", "client_group",
        $"O grupo de clientes deve estar integrado com o ERP {_erpName}.",
        static (a, c) => c.Settings.ClientGroupIntegratedOrAbsent(a.Data),
        (a, _) => $"O grupo de clientes {a.Data.ClientGroup} não está integrado com o ERP {_erpName}.");

    /// <summary>The <paramref name="text"/> of <paramref name="field"/>, when there is one, fits the ERP's <paramref name="max"/> characters.</summary>
    public EligibilityRule FitsIn(RegistrationField field, int max, Func<Account, string?> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TooLong(field, max, a => text(a)?.Length ?? 0);
    }

    /// <summary>
    /// The text of <paramref name="field"/> fits the ERP's <paramref name="max"/> characters: legal name, trade name, short name,
    /// e-mail (the general one) or a master-data code (as for <see cref="Informed(RegistrationField)"/>). Lengths are read from
    /// the account's facts where they hold them; for other fields, pass the text with the overload that selects it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is none of those.</exception>
    public EligibilityRule FitsIn(RegistrationField field, int max) => field switch
    {
        RegistrationField.LegalName => TooLong(field, max, static a => a.Data.Facts.LegalNameLength),
        RegistrationField.ShortName => TooLong(field, max, static a => a.Data.Facts.ShortNameLength),
        RegistrationField.Email => TooLong(field, max, static a => a.Data.Facts.GeneralEmailLength),
        RegistrationField.TradeName => FitsIn(field, max, static a => a.Data.TradeName),
        _ when CodeSlot(field) is var slot and >= 0 => TooLong(field, max, a => a.Data.Facts.Code(slot) is var packed && packed != PackedText.Unpackable
            ? PackedText.Length(packed)
            : RegistrationFacts.CodeOf(a.Data, field)!.Value.Value.Length),
        _ => FitsIn(field, max, a => CodeOf(field)(a)?.Value),
    };

    /// <summary>
    /// The code of the master-data <paramref name="field"/> (as for <see cref="Informed(RegistrationField)"/>), when informed, is
    /// at most <paramref name="max"/> digits 0–9 (ERPs that key the record by a number, e.g. Protheus <c>A1_TRANSP</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not a master-data field.</exception>
    public EligibilityRule Digits(RegistrationField field, int max)
    {
        var slot = CodeSlot(field);
        return new($"{_erp}.{field.Path()}.not_numeric", field.Path(), $"{field.Label()} tem até {max} dígitos no ERP {_erpName}.",
            (a, _) => slot >= 0 && a.Data.Facts.Code(slot) is var packed && packed != PackedText.Unpackable
                ? packed == PackedText.Absent || PackedText.Length(packed) <= max && PackedText.IsDigits(packed)
                : RegistrationFacts.CodeOf(a.Data, field) is not { } code
                  || code.Value.Length <= max && !code.Value.AsSpan().ContainsAnyExceptInRange('0', '9'));
    }

    /// <summary>No other lead or account holds the short name.</summary>
    public EligibilityRule ShortNameUnique() => new($"{_erp}.short_name.duplicate", "short_name",
        $"O nome abreviado deve ser único: é a chave do cliente no ERP {_erpName}.",
        static (a, c) => !c.ShortNames.IsHeldByAnother(a.Data, a.Id),
        static (a, _) => $"O nome abreviado {a.Data.ShortName} já é usado por outro cadastro.");

    /// <summary>An e-mail for general contact is informed (the ERP's customer e-mail; NF-e and billing addresses go elsewhere).</summary>
    public EligibilityRule GeneralEmailPresent() => new($"{_erp}.emails.required", "emails",
        $"O e-mail geral do cliente é obrigatório para integração com o ERP {_erpName}.",
        static (a, _) => a.Data.Facts.GeneralEmailLength > 0);

    /// <summary>A CPF (física) or CNPJ (jurídica) is informed when the client type requires one; foreigners have neither.</summary>
    public EligibilityRule TaxIdAsClientTypeRequires() => new($"{_erp}.tax_id.required", "tax_id",
        "O CPF/CNPJ é obrigatório para este tipo de cliente.",
        static (a, c) => a.Data.Facts.HasTaxId || a.Data.Facts.Kind == PersonKind.Estrangeiro || c.Settings.ClientTypes.WaivesTaxId(a.Data),
        static (a, _) => a.Data.Kind == PersonKind.Fisica ? "O CPF é obrigatório para este tipo de cliente." : "O CNPJ é obrigatório para este tipo de cliente.");

    private EligibilityRule Required(RegistrationField field, Func<Account, EligibilityContext, bool> isMet) => new(
        $"{_erp}.{field.Path()}.required", field.Path(), $"{field.Label()} é obrigatório para integração com o ERP {_erpName}.", isMet);

    private EligibilityRule Integrated(RegistrationField field, bool activeOnly, Func<Account, MasterDataCode?> code,
        Func<Account, bool> informed, Func<Account, EligibilityContext, MasterDataRecord?> record) => new(
        $"{_erp}.{field.Path()}.not_integrated", field.Path(), $"{field.Label()} deve estar integrado com o ERP {_erpName}.",
        // The record first: an eligible account has one, so only it is asked.
        (a, c) => record(a, c) is { } found ? !activeOnly || found.Active : !informed(a),
        (a, c) => record(a, c) is null
            ? $"{field.Label()} {code(a)} não está integrado com o ERP {_erpName}."
            : $"{field.Label()} {code(a)} está inativo no ERP {_erpName}.");

    private EligibilityRule TooLong(RegistrationField field, int max, Func<Account, int> length) => new(
        $"{_erp}.{field.Path()}.too_long", field.Path(), $"{field.Label()} tem no máximo {max} caracteres no ERP {_erpName}.",
        (a, _) => length(a) <= max,
        (a, _) => $"{field.Label()} tem {length(a)} caracteres; o ERP {_erpName} aceita no máximo {max}.");

    // The slot of a master-data field's packed code (-1 when the facts do not pack it); a field that holds no code is refused when
    // the rule is built rather than at the first account.
    private static int CodeSlot(RegistrationField field) => RegistrationFacts.IsCode(field)
        ? RegistrationFacts.SlotOf(field)
        : throw new ArgumentOutOfRangeException(nameof(field), field, "Not a master-data field.");

    private static Func<Account, MasterDataCode?> CodeOf(RegistrationField field)
    {
        CodeSlot(field);
        return a => RegistrationFacts.CodeOf(a.Data, field);
    }

    private static string Path(AddressKind kind) => kind switch
    {
        AddressKind.Correspondence => RegistrationField.CorrespondenceAddress.Path(),
        AddressKind.Billing => RegistrationField.BillingAddress.Path(),
        _ => RegistrationField.DeliveryAddress.Path(),
    };

    private static string Label(AddressKind kind) => kind switch
    {
        AddressKind.Correspondence => RegistrationField.CorrespondenceAddress.Label(),
        AddressKind.Billing => RegistrationField.BillingAddress.Label(),
        _ => RegistrationField.DeliveryAddress.Label(),
    };
}
