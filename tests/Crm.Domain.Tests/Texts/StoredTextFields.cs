using Crm.Domain.Access;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Boards;
using Crm.Domain.Boards.BaseCards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Problems;
using Crm.Domain.Tenancy;
using Crm.Domain.Tests.Accounts;
using Crm.Domain.Tests.Boards;
using Crm.Domain.Tests.Funnel;
using Crm.Domain.Texts;

namespace Crm.Domain.Tests.Texts;

/// <summary>
/// One stored text field: how to hand the domain a text for it (everything else valid), which problems that field got,
/// its limit in code points (null: a <c>text</c> or JSON column without one), whether line breaks are allowed, and the
/// code a too-long text gets (<see cref="TextCodes.TooLong"/>, or the module's older code). <see cref="Trimmed"/>: whether the
/// domain stores the text trimmed (most fields) or as typed (observations), which decides what the rule must look at.
/// </summary>
internal sealed record StoredTextField(string Name, int? Limit, bool MultiLine, string TooLongCode, Func<string, IReadOnlyList<Problem>> Try)
{
    public bool Trimmed { get; init; } = true;

    public override string ToString() => Name;
}

/// <summary>Every stored text field the text rule covers in these tests, each reached through its aggregate's public API.</summary>
internal static class StoredTextFields
{
    private static readonly TenantId Owner = new(Guid.NewGuid());

    public static readonly StoredTextField BoardName = new("board name", TextLimits.BoardName, false, TextCodes.TooLong,
        text => Of(Board.Create(Owner, text, new BoardScope(BoardScopeKind.Region, "Sul"), Colour.Of("#000000"), BoardWorld.User(), FunnelFixture.Clock()), "name"));

    public static readonly StoredTextField BoardScope = new("board scope", TextLimits.BoardScopeName, false, TextCodes.TooLong,
        text => Of(Board.Create(Owner, "Vendas", new BoardScope(BoardScopeKind.Region, text), Colour.Of("#000000"), BoardWorld.User(), FunnelFixture.Clock()), "scope"));

    public static readonly StoredTextField StageName = new("board stage name", null, false, TextCodes.TooLong,
        text => Of(new BoardWorld().Board.AddStage(text, null, null, BoardWorld.User(), FunnelFixture.Clock()), "name"));

    public static readonly StoredTextField TagName = new("board tag name", null, false, TextCodes.TooLong,
        text => Of(new BoardWorld().Board.AddTag(text, Colour.Of("#000000"), BoardWorld.User(), FunnelFixture.Clock()), "name"));

    public static readonly StoredTextField CardName = new("card name", TextLimits.CardName, false, TextCodes.TooLong, text =>
    {
        var w = new BoardWorld();
        return Of(Card.Open(w.Board, w.New.Id, text, BoardWorld.Prospect(), null, null, w.Index, w.Admin, w.Clock), "name");
    });

    public static readonly StoredTextField CardRename = new("card rename", TextLimits.CardName, false, TextCodes.TooLong, text =>
    {
        var w = new BoardWorld();
        return Of(w.Open().Rename(text, w.Admin, w.Clock), "name");
    });

    public static readonly StoredTextField BaseCardName = new("base card name", TextLimits.CardName, false, TextCodes.TooLong, text =>
    {
        var w = new BoardWorld();
        return Of(BaseCard.Create(w.Board, text, w.Admin, w.Clock), "name");
    });

    public static readonly StoredTextField CardDescription = new("card description", null, true, TextCodes.TooLong, text =>
    {
        var w = new BoardWorld();
        return Of(w.Open().Describe(text, w.Admin, w.Clock), "description");
    });

    public static readonly StoredTextField CardComment = new("card comment", null, true, TextCodes.TooLong, text =>
    {
        var w = new BoardWorld();
        return Of(w.Open().AddComment(text, w.Admin, w.Clock), "comment");
    });

    public static readonly StoredTextField LostReason = new("card lost reason", null, true, TextCodes.TooLong, text =>
    {
        var w = new BoardWorld();
        return Of(w.Open().MarkLost(text, w.Admin, w.Clock), "reason");
    });

    public static readonly StoredTextField PipelineName = new("pipeline name", TextLimits.PipelineName, false, TextCodes.TooLong,
        text => Of(Pipeline.Create(Owner, text, DefaultPipeline.Stages(null, null)), "name"));

    public static readonly StoredTextField OpportunityTitle = new("opportunity title", TextLimits.OpportunityTitle, false, TextCodes.TooLong,
        text => Of(OpenOpportunity(FunnelFixture.Draft() with { Title = text }), "title"));

    public static readonly StoredTextField OpportunitySource = new("opportunity source", TextLimits.OpportunitySource, false, TextCodes.TooLong,
        text => Of(OpenOpportunity(FunnelFixture.Draft() with { Source = text }), "source"));

    public static readonly StoredTextField OpportunityDescription = new("opportunity description", null, true, TextCodes.TooLong,
        text => Of(OpenOpportunity(FunnelFixture.Draft() with { Description = text }), "description"));

    public static readonly StoredTextField ContactName = new("contact name", TextLimits.ContactName, false, "contact.name.too_long",
        text => Of(NewContact(new ContactForm(text)), "name"));

    public static readonly StoredTextField ContactRole = new("contact role", TextLimits.ContactRole, false, TextCodes.TooLong,
        text => Of(NewContact(new ContactForm("Ana", Role: text)), "role"));

    public static readonly StoredTextField ContactDepartment = new("contact department", TextLimits.ContactDepartment, false, TextCodes.TooLong,
        text => Of(NewContact(new ContactForm("Ana", Department: text)), "department"));

    public static readonly StoredTextField LegalName = new("lead legal name", TextLimits.RegistrationName, false, "lead.legal_name.too_long",
        text => Of(RegistrationRules.Validate(Samples.PersonLead() with { LegalName = text }, Samples.LeadContext()), "legal_name"));

    public static readonly StoredTextField ShortName = new("lead short name", TextLimits.ShortName, false, "lead.short_name.too_long",
        text => Of(RegistrationRules.Validate(Samples.PersonLead() with { ShortName = text }, Samples.LeadContext()), "short_name"));

    public static readonly StoredTextField ClientType = new("lead client type code", TextLimits.MasterDataCode, false, "lead.client_type.invalid",
        text => Of(RegistrationRules.Validate(Samples.PersonLead() with { ClientType = text }, Samples.LeadContext()), "client_type"));

    public static readonly StoredTextField Street = new("address street", null, false, TextCodes.TooLong,
        text => Of(RegistrationRules.Validate(Samples.PersonLead() with
        {
            Addresses = [Samples.PersonLead().Addresses[0] with { Street = text }],
        }, Samples.LeadContext()), "addresses[0].street"));

    public static readonly StoredTextField Observation = new("observation", null, true, TextCodes.TooLong,
        text => Of(RegistrationRules.Validate(Samples.PersonLead() with
        {
            Observations = [new Observation(ObservationType.General, text)],
        }, Samples.LeadContext()), "observations[0].text")) { Trimmed = false };

    public static readonly StoredTextField TenantName = new("tenant name", TextLimits.TenantName, false, "tenant.name.too_long",
        text => Of(Tenant.Create(new TenantId(Guid.NewGuid()), text, Package.Starter, null), "name"));

    public static readonly StoredTextField RoleName = new("role name", TextLimits.RoleName, false, "role.name.too_long",
        text => Of(Role.Create(new RoleId(Guid.NewGuid()), Owner, text, DataReach.Own, []), "name"));

    public static readonly StoredTextField UserLogin = new("user login", TextLimits.UserText, false, "user.login.too_long",
        text => Of(User.Arrive(new UserId(Guid.NewGuid()), Owner, text, "Ana", null, Package.Starter), "login"));

    public static readonly StoredTextField UserName = new("user name", TextLimits.UserText, false, "user.name.too_long",
        text => Of(User.Arrive(new UserId(Guid.NewGuid()), Owner, "ana", text, null, Package.Starter), "name"));

    public static readonly StoredTextField CompanyName = new("company name", TextLimits.CompanyName, false, "company.name.too_long",
        text => Of(Company.Register(new CompanyId(Guid.NewGuid()), Owner, new UnitForm("01", text)), "name"));

    public static IEnumerable<StoredTextField> All =>
    [
        BoardName, BoardScope, StageName, TagName, CardName, CardRename, BaseCardName, CardDescription, CardComment, LostReason,
        PipelineName, OpportunityTitle, OpportunitySource, OpportunityDescription, ContactName, ContactRole, ContactDepartment,
        LegalName, ShortName, ClientType, Street, Observation, TenantName, RoleName, UserLogin, UserName, CompanyName,
    ];

    private static IReadOnlyList<Problem> Of<T>(Outcome<T> outcome, string field) =>
        [.. outcome.Problems.Where(p => p.Field == field)];

    private static IReadOnlyList<Problem> Of(RegistrationResult result, string field) =>
        result.Match(valid => (IReadOnlyList<Problem>)[.. valid.Warnings.Where(p => p.Field == field && p.Severity == Severity.Error)],
            invalid => [.. invalid.Problems.Where(p => p.Field == field)]);

    private static Outcome<OpportunityOpened> OpenOpportunity(OpportunityDraft draft) =>
        Opportunity.Open(FunnelFixture.Tenant, FunnelFixture.NewPipeline(), draft, OpportunitySettings.Default, FunnelFixture.Clock());

    private static Outcome<Contact> NewContact(ContactForm form) =>
        Contact.Create(new ContactId(Guid.NewGuid()), Samples.Tenant, new LeadId(Guid.NewGuid()), form, Samples.Ana, Samples.Clock());
}
