using Crm.Domain.Registry;
using NodaTime;

namespace Crm.Domain.Accounts.Registration;

/// <summary>Types of observation. Only <see cref="Integration"/> is sent to the ERP; the others stay in the CRM (seed 000).</summary>
public enum ObservationType
{
    /// <summary><i>Integração</i>: sent to the ERP (Datasul <c>emitente.observacoes</c>).</summary>
    Integration,
    /// <summary>General.</summary>
    General,
    /// <summary>Commercial.</summary>
    Commercial,
    /// <summary>Financial.</summary>
    Financial,
    /// <summary>Delivery.</summary>
    Delivery,
}

/// <summary>A typed observation.</summary>
/// <param name="Type">Its type.</param>
/// <param name="Text">The text.</param>
public sealed record Observation(ObservationType Type, string Text)
{
    /// <summary>True when the ERP receives it.</summary>
    public bool IsSentToErp => Type == ObservationType.Integration;
}

/// <summary>A person responsible for the customer (partner, buyer, financial contact...), replaced as a whole on import (seed 003).</summary>
/// <param name="Name">Name.</param>
/// <param name="Role">Role (e.g. Sócio, Comprador, Financeiro).</param>
/// <param name="Cpf">CPF, when known.</param>
/// <param name="Email">E-mail, when known.</param>
/// <param name="Phone">Phone, when known.</param>
public sealed record ResponsiblePerson(string Name, string? Role, Cpf? Cpf, Email? Email, Phone? Phone);

/// <summary>Marketing channels a customer can opt in to (seed 003: mala-direta and e-mail marketing permissions).</summary>
public enum MarketingChannel
{
    /// <summary>E-mail marketing.</summary>
    Email,
    /// <summary>Postal mail (mala-direta).</summary>
    Mail,
    /// <summary>Phone calls.</summary>
    Phone,
    /// <summary>SMS / WhatsApp messages.</summary>
    Messaging,
}

/// <summary>A customer's answer for one marketing channel: the LGPD consent record (when, and where it came from).</summary>
/// <param name="Channel">The channel.</param>
/// <param name="OptedIn">True when the customer accepted.</param>
/// <param name="On">When the answer was given.</param>
/// <param name="Source">Where it was given (web form, phone call, contract...).</param>
public sealed record MarketingConsent(MarketingChannel Channel, bool OptedIn, LocalDate On, string Source);

/// <summary>A tenant-defined field (Datasul <c>CustomFields</c>); a secret one (a portal password, a PIN) never appears in histories.</summary>
/// <param name="Key">Its key, unique in the registration.</param>
/// <param name="Value">Its value.</param>
/// <param name="IsSecret">True when its value must never be shown in a history.</param>
public sealed record CustomField(string Key, string Value, bool IsSecret = false);
