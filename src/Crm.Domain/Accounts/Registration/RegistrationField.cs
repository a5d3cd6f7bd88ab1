namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// The fields of a lead's or account's registration that a rule can make mandatory: the vocabulary of the
/// tenant's mandatory-field sets and of the fields an ERP adapter declares required. <see cref="RegistrationFields.Path"/>
/// gives the stable path used in problems and histories.
/// </summary>
public enum RegistrationField
{
    /// <summary>Razão social (or the person's full name).</summary>
    LegalName,
    /// <summary>Nome fantasia.</summary>
    TradeName,
    /// <summary>Nome abreviado, the Datasul key.</summary>
    ShortName,
    /// <summary>CPF or CNPJ, by person kind.</summary>
    TaxId,
    /// <summary>Inscrição estadual (a number, ISENTO, or non-taxpayer).</summary>
    StateRegistration,
    /// <summary>Inscrição municipal.</summary>
    MunicipalRegistration,
    /// <summary>Main CNAE (organizations).</summary>
    Cnae,
    /// <summary>Fiscal category.</summary>
    FiscalCategory,
    /// <summary>Client type.</summary>
    ClientType,
    /// <summary>Account type.</summary>
    AccountType,
    /// <summary>Client group.</summary>
    ClientGroup,
    /// <summary>Sales representative.</summary>
    Representative,
    /// <summary>Carrier (transportadora).</summary>
    Carrier,
    /// <summary>Portador (collection agent).</summary>
    Portador,
    /// <summary>Payment condition.</summary>
    PaymentCondition,
    /// <summary>Price table.</summary>
    PriceTable,
    /// <summary>Portfolio (carteira).</summary>
    Portfolio,
    /// <summary>Owner user.</summary>
    Owner,
    /// <summary>Company (empresa).</summary>
    Company,
    /// <summary>Branch (filial).</summary>
    Branch,
    /// <summary>At least one e-mail.</summary>
    Email,
    /// <summary>At least one phone.</summary>
    Phone,
    /// <summary>The correspondence address.</summary>
    CorrespondenceAddress,
    /// <summary>The billing address.</summary>
    BillingAddress,
    /// <summary>The default delivery address.</summary>
    DeliveryAddress,
    /// <summary>At least one responsible person.</summary>
    ResponsiblePerson,
}

/// <summary>Paths and labels of <see cref="RegistrationField"/>.</summary>
public static class RegistrationFields
{
    /// <summary>The stable path, e.g. <c>legal_name</c> or <c>addresses.billing</c>.</summary>
    public static string Path(this RegistrationField field) => field switch
    {
        RegistrationField.LegalName => "legal_name",
        RegistrationField.TradeName => "trade_name",
        RegistrationField.ShortName => "short_name",
        RegistrationField.TaxId => "tax_id",
        RegistrationField.StateRegistration => "state_registration",
        RegistrationField.MunicipalRegistration => "municipal_registration",
        RegistrationField.Cnae => "cnae",
        RegistrationField.FiscalCategory => "fiscal_category",
        RegistrationField.ClientType => "client_type",
        RegistrationField.AccountType => "account_type",
        RegistrationField.ClientGroup => "client_group",
        RegistrationField.Representative => "representative",
        RegistrationField.Carrier => "carrier",
        RegistrationField.Portador => "portador",
        RegistrationField.PaymentCondition => "payment_condition",
        RegistrationField.PriceTable => "price_table",
        RegistrationField.Portfolio => "portfolio",
        RegistrationField.Owner => "owner",
        RegistrationField.Company => "company",
        RegistrationField.Branch => "branch",
        RegistrationField.Email => "emails",
        RegistrationField.Phone => "phones",
        RegistrationField.CorrespondenceAddress => "addresses.correspondence",
        RegistrationField.BillingAddress => "addresses.billing",
        RegistrationField.DeliveryAddress => "addresses.delivery",
        RegistrationField.ResponsiblePerson => "responsible_people",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The Portuguese label shown to users, e.g. <c>Razão social</c>.</summary>
    public static string Label(this RegistrationField field) => field switch
    {
        RegistrationField.LegalName => "Razão social",
        RegistrationField.TradeName => "Nome fantasia",
        RegistrationField.ShortName => "Nome abreviado",
        RegistrationField.TaxId => "CPF/CNPJ",
        RegistrationField.StateRegistration => "Inscrição estadual",
        RegistrationField.MunicipalRegistration => "Inscrição municipal",
        RegistrationField.Cnae => "CNAE",
        RegistrationField.FiscalCategory => "Categoria fiscal",
        RegistrationField.ClientType => "Tipo de cliente",
        RegistrationField.AccountType => "Tipo de conta",
        RegistrationField.ClientGroup => "Grupo de clientes",
        RegistrationField.Representative => "Representante",
        RegistrationField.Carrier => "Transportadora",
        RegistrationField.Portador => "Portador",
        RegistrationField.PaymentCondition => "Condição de pagamento",
        RegistrationField.PriceTable => "Tabela de preço",
        RegistrationField.Portfolio => "Carteira",
        RegistrationField.Owner => "Responsável (usuário)",
        RegistrationField.Company => "Empresa",
        RegistrationField.Branch => "Filial",
        RegistrationField.Email => "E-mail",
        RegistrationField.Phone => "Telefone",
        RegistrationField.CorrespondenceAddress => "Endereço de correspondência",
        RegistrationField.BillingAddress => "Endereço de cobrança",
        RegistrationField.DeliveryAddress => "Endereço padrão de entrega",
        RegistrationField.ResponsiblePerson => "Responsável",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
