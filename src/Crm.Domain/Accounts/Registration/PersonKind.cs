namespace Crm.Domain.Accounts.Registration;

/// <summary>The kind of person an account, lead or contact is (Datasul <c>emitente.natureza</c> 1–3).</summary>
public enum PersonKind
{
    /// <summary><i>Pessoa física</i>: identified by a CPF.</summary>
    Fisica,

    /// <summary><i>Pessoa jurídica</i>: identified by a CNPJ.</summary>
    Juridica,

    /// <summary><i>Estrangeiro</i>: a foreigner, with neither CPF nor CNPJ.</summary>
    Estrangeiro,
}
