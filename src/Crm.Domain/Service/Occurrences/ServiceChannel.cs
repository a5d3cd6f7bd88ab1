namespace Crm.Domain.Service.Occurrences;

/// <summary>How the customer reached the company (seed 003: "canais de atendimento (e-mail, telefone, redes sociais, etc)").</summary>
public enum ServiceChannel
{
    /// <summary>E-mail.</summary>
    Email,

    /// <summary>Telephone (including the call center).</summary>
    Phone,

    /// <summary>Social networks (<i>redes sociais</i>).</summary>
    SocialMedia,

    /// <summary>Chat or instant messaging.</summary>
    Chat,

    /// <summary>In person, at a service point (<i>PA</i>).</summary>
    InPerson,

    /// <summary>Any other channel.</summary>
    Other,
}
