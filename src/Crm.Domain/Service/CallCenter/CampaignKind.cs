namespace Crm.Domain.Service.CallCenter;

/// <summary>
/// What a campaign's calls are for (seed 002, Call Center: "telemarketing, televendas, gestão de campanhas e telecobrança").
/// </summary>
public enum CampaignKind
{
    /// <summary>Relationship calls: surveys, offers, information (<i>telemarketing</i>).</summary>
    Telemarketing,

    /// <summary>Calls that sell (<i>televendas</i>).</summary>
    Telesales,

    /// <summary>Calls that collect overdue payments (<i>telecobrança</i>).</summary>
    Collection,
}
