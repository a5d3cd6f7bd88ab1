using System.Globalization;
using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Sdk;
using Crm.Sdk.Discovery;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Crm.Adapters.Testing;

/// <summary>
/// The conformance kit: inherit it in a test project, supply the adapter, accounts and a fake ERP endpoint, and every
/// <c>[Fact]</c> here runs against your adapter. It checks the descriptor, that eligible accounts pass and broken ones report
/// every failure together (and that together the cases exercise every declared rule), that payloads respect the ERP's
/// limits, round-trip through the import mapping, map the status both ways and are deterministic with stable idempotency
/// keys, and that a message is applied once by the ERP endpoint; that the host's own discovery finds the adapter (in its
/// plugin folder, <see cref="PluginFolder"/>, or by scanning its assembly); and that rules which read a tenant configuration
/// come with the sample configuration the adapter ships (<see cref="SampleTenant"/>); and that a released order is either
/// declared unsupported or prepared deterministically and taken once by the ERP endpoint (<see cref="SampleOrder"/>).
/// </summary>
public abstract class AdapterConformanceTests
{
    /// <summary>The adapter under test (loaded from a plugin folder, registered, or simply constructed).</summary>
    protected abstract IErpAdapter Adapter { get; }

    /// <summary>The tenant settings, master data and short names <see cref="EligibleAccount"/> is eligible in.</summary>
    protected abstract EligibilityContext Context { get; }

    /// <summary>A new account every rule accepts in <see cref="Context"/> (registered, not yet integrated).</summary>
    protected abstract Account EligibleAccount();

    /// <summary>An eligible account whose free texts (addresses, names within the rules, notes) exceed the ERP's field sizes.</summary>
    protected abstract Account LongTextAccount();

    /// <summary>Broken accounts with their exact codes; together they must fail every rule in <see cref="IErpAdapter.Rules"/>.</summary>
    protected abstract IEnumerable<EligibilityCase> BrokenAccounts();

    /// <summary>ERP payloads (JSON) and the situation each means on a given day; at least one active and one inactive.</summary>
    protected abstract IEnumerable<(string Body, LocalDate Today, ErpSituation Expected)> StatusSamples();

    /// <summary>An ERP code in the ERP's format (Datasul <c>cod-emitente</c>, Protheus <c>A1_COD</c> + <c>A1_LOJA</c>).</summary>
    protected abstract string SampleErpCode { get; }

    /// <summary>A fresh fake ERP endpoint that accepts <see cref="EligibleAccount"/>.</summary>
    protected abstract FakeErpEndpoint CreateEndpoint();

    /// <summary>
    /// Payload paths of limits no text of a valid registration can exceed (a UF, a CEP, a code...), exempt from
    /// <see cref="The_long_text_account_reaches_every_limit_a_text_can_exceed"/>; limits of fields an eligibility rule keeps
    /// within bounds (<c>{erp}.{field}.too_long</c>) are exempt without being listed.
    /// </summary>
    protected virtual IReadOnlyCollection<string> FixedSizePaths => [];

    /// <summary>
    /// The folder a host loads the adapter from: its build output with <c>EnableDynamicLoading</c> (its assemblies,
    /// <c>.deps.json</c>, <c>runtimes/</c>). Null for an adapter the host references (a built-in one): then its assembly is
    /// scanned, since a host never loads a second copy of an assembly it already has.
    /// </summary>
    protected virtual string? PluginFolder => null;

    /// <summary>
    /// The sample tenant configuration the adapter ships for the rules that read one (its settings and master data; the short
    /// names are <see cref="Context"/>'s), e.g. <c>Crm.Adapters.Http.SampleTenant.Context()</c> for the built-in adapters. Null
    /// when no rule needs a configuration.
    /// </summary>
    protected virtual EligibilityContext? SampleTenant => null;

    /// <summary>How payloads read back are validated: as accounts, under <see cref="Context"/>'s settings.</summary>
    protected virtual RegistrationContext ReadBackContext => new(Context.Settings, RegistrationKind.Account);

    /// <summary>
    /// A released order for <paramref name="customer"/> (carried as <see cref="ErpOrder.CustomerAccount"/>), whose code in the
    /// ERP is <paramref name="erpCode"/>, that the ERP endpoint accepts; <see cref="TestOrders.Released"/> (the sample tenant's
    /// codes) unless the ERP needs others.
    /// </summary>
    protected virtual ErpOrder SampleOrder(Account customer, string erpCode)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return TestOrders.Released(erpCode, customer: customer);
    }

    /// <summary>
    /// The adapter's <see cref="IErpReader"/> over an ERP holding more than one page of every list it serves and a known
    /// customer (<see cref="ErpReaderUnderTest"/>); null when the adapter has no reader (the reader checks then have nothing to
    /// check). The built-in adapters' tests start a fake server seeded with <c>SeedMasterData</c> and <c>SeedCustomers</c>.
    /// </summary>
    protected virtual Task<ErpReaderUnderTest?> StartReaderAsync() => Task.FromResult<ErpReaderUnderTest?>(null);

    /// <summary>Descriptor names its erp and declares what it does.</summary>
    [Fact]
    public void Descriptor_names_its_erp_and_declares_what_it_does()
    {
        var descriptor = Adapter.Descriptor;
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Name));
        Assert.NotNull(descriptor.Erp.Value);
        Assert.NotEqual(ErpCapabilities.None, descriptor.Capabilities);
        Assert.True(descriptor.Can(ErpCapabilities.ExportAccounts), "An account adapter exports accounts.");
        Assert.False(string.IsNullOrWhiteSpace(Adapter.Prepare(EligibleAccount()).Resource));
    }

    /// <summary>
    /// The host's own discovery (<c>AddCrm</c> with <c>LoadPluginsFrom(PluginFolder)</c>, or <c>ScanAdaptersIn</c> its
    /// assembly) finds the adapter, creates it with its parameterless constructor, accepts its contract version, and gets the
    /// same adapter: descriptor, rule codes and field limits.
    /// </summary>
    [Fact]
    public void The_hosts_own_discovery_finds_the_adapter()
    {
        var folder = PluginFolder;
        var services = new ServiceCollection().AddCrm(crm =>
        {
            if (folder is null)
                crm.ScanAdaptersIn(Adapter.GetType().Assembly);
            else
                crm.LoadPluginsFrom(folder);
        });
        using var provider = services.BuildServiceProvider();

        var found = provider.GetRequiredService<ErpAdapterCatalog>().All.Where(r => r.Adapter.Descriptor.Erp == Adapter.Descriptor.Erp).ToList();

        var registered = Assert.Single(found);
        Assert.Equal(folder is null ? AdapterSource.Scanned : AdapterSource.Plugin, registered.Source);
        if (folder is not null)
            Assert.StartsWith(Path.GetFullPath(folder), registered.Origin, StringComparison.Ordinal);
        var loaded = registered.Adapter;
        Assert.Equal(Adapter.GetType().FullName, loaded.GetType().FullName);
        Assert.Equal(Adapter.Descriptor.ToString(), loaded.Descriptor.ToString());
        Assert.Equal(Adapter.Rules.Select(r => r.Code), loaded.Rules.Select(r => r.Code));
        Assert.Equal(Adapter.Limits.All.Select(l => (l.PayloadPath, l.MaxLength)), loaded.Limits.All.Select(l => (l.PayloadPath, l.MaxLength)));
    }

    /// <summary>
    /// Rules that read the tenant's configuration come with a sample: when the eligible account fails some rule under an empty
    /// configuration (default settings, no master data), the adapter must ship a <see cref="SampleTenant"/> under which it is
    /// eligible, so a host can start a tenant the rules accept.
    /// </summary>
    [Fact]
    public void Rules_that_read_a_tenant_configuration_come_with_a_sample_one()
    {
        var account = EligibleAccount();
        var empty = new EligibilityContext(AccountSettings.Default, new IntegratedMasterData([]), Context.ShortNames);
        var needing = Adapter.Evaluate(account, empty).Problems.Select(p => p.Code).Distinct().ToList();
        if (needing.Count == 0)
            return; // no rule reads the configuration
        Assert.True(SampleTenant is not null,
            $"Under an empty tenant configuration the eligible account fails {string.Join(", ", needing)}: ship a sample tenant configuration and name it in SampleTenant.");
        var result = Adapter.Evaluate(account, SampleTenant with { ShortNames = Context.ShortNames, System = IntegrationSystem.Erp });
        Assert.True(result.IsEligible, $"The eligible account is refused under the sample tenant configuration:\n{string.Join("\n", result.Problems)}");
    }

    /// <summary>Adapter is built for a contract this host accepts.</summary>
    [Fact]
    public void Adapter_is_built_for_a_contract_this_host_accepts() =>
        Assert.True(ContractVersion.Current.Accepts(Adapter.Descriptor.BuiltFor),
            $"{Adapter.Descriptor} was built for contract {Adapter.Descriptor.BuiltFor}; this kit hosts {ContractVersion.Current}.");

    /// <summary>Rule codes are unique and namespaced by the erp.</summary>
    [Fact]
    public void Rule_codes_are_unique_and_namespaced_by_the_erp()
    {
        var codes = Adapter.Rules.Select(r => r.Code).ToList();
        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.StartsWith(Adapter.Descriptor.Erp.Value + ".", code, StringComparison.Ordinal));
        Assert.All(Adapter.Rules, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Description)));
    }

    /// <summary>Eligible account is eligible.</summary>
    [Fact]
    public void Eligible_account_is_eligible()
    {
        var result = Adapter.Evaluate(EligibleAccount(), Context);
        Assert.True(result.IsEligible, string.Join("\n", result.Problems));
        Assert.True(Adapter.Evaluate(LongTextAccount(), Context).IsEligible, "The long-text account must be eligible too.");
    }

    /// <summary>Broken accounts report every failure together.</summary>
    [Fact]
    public void Broken_accounts_report_every_failure_together()
    {
        foreach (var broken in BrokenAccounts())
        {
            var result = (broken.Adapter ?? Adapter).Evaluate(broken.Account, broken.Context);
            Assert.False(result.IsEligible, $"{broken.Name}: expected to be refused.");
            var reported = result.Problems.Select(p => p.Code).Order(StringComparer.Ordinal).ToList();
            Assert.True(broken.Codes.Order(StringComparer.Ordinal).SequenceEqual(reported),
                $"{broken.Name}: expected [{string.Join(", ", broken.Codes.Order(StringComparer.Ordinal))}] but got [{string.Join(", ", reported)}].");
            Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        }
    }

    /// <summary>Broken accounts exercise every declared rule.</summary>
    [Fact]
    public void Broken_accounts_exercise_every_declared_rule()
    {
        var exercised = BrokenAccounts().SelectMany(b => b.Codes).ToHashSet();
        var missing = Adapter.Rules.Select(r => r.Code).Where(code => !exercised.Contains(code)).ToList();
        Assert.True(missing.Count == 0, $"No broken account fails: {string.Join(", ", missing)}.");
    }

    /// <summary>Payloads never exceed the erp field limits.</summary>
    [Fact]
    public void Payloads_never_exceed_the_erp_field_limits()
    {
        foreach (var account in new[] { EligibleAccount(), LongTextAccount() })
        {
            var body = Adapter.Prepare(account).Body;
            foreach (var limit in Adapter.Limits.All)
                Assert.All(PayloadPaths.ValuesAt(body, limit.PayloadPath), value =>
                    Assert.True(value.Length <= limit.MaxLength, $"{limit.ErpField} ({limit.PayloadPath}) holds {limit.MaxLength}: '{value}'."));
        }
    }

    /// <summary>Every field limit points at a path some payload has a value at (a misspelt path limits nothing).</summary>
    [Fact]
    public void Every_field_limit_points_at_a_path_present_in_the_payload()
    {
        var bodies = new[] { EligibleAccount(), LongTextAccount(), EligibleAccount().Integrated(SampleErpCode) }
            .Select(a => Adapter.Prepare(a).Body).ToList();
        var missing = Adapter.Limits.All.Where(l => bodies.All(b => PayloadPaths.ValuesAt(b, l.PayloadPath).Count == 0))
            .Select(l => $"{l.ErpField} ({l.PayloadPath})").ToList();
        Assert.True(missing.Count == 0,
            $"No payload of the sample accounts has a value at: {string.Join(", ", missing)}. Fix the path, or give the accounts the field.");
    }

    /// <summary>
    /// The long-text account reaches every limit a text can exceed: its payload holds a value as long as the limit (less the
    /// blanks a cut drops at its end), so the cutting is exercised.
    /// </summary>
    [Fact]
    public void The_long_text_account_reaches_every_limit_a_text_can_exceed()
    {
        const int cutSlack = 2;
        var erp = Adapter.Descriptor.Erp.Value;
        var paths = Adapter.Limits.All.Select(l => l.PayloadPath).ToHashSet();
        Assert.All(FixedSizePaths, path => Assert.True(paths.Contains(path), $"FixedSizePaths names {path}, which no limit has."));
        var codes = Adapter.Rules.Select(r => r.Code).ToHashSet();
        var body = Adapter.Prepare(LongTextAccount()).Body;
        var unreached = Adapter.Limits.All
            .Where(l => !FixedSizePaths.Contains(l.PayloadPath))
            .Where(l => l.CrmField is not { } field || !codes.Contains($"{erp}.{field.Path()}.too_long"))
            .Where(l => !PayloadPaths.ValuesAt(body, l.PayloadPath).Any(v => v.Length >= l.MaxLength - cutSlack))
            .Select(l => $"{l.ErpField} ({l.PayloadPath}, {l.MaxLength})").ToList();
        Assert.True(unreached.Count == 0,
            $"The long-text account does not reach: {string.Join(", ", unreached)}. Lengthen its texts, or list fixed-size paths in FixedSizePaths.");
    }

    /// <summary>
    /// The field requirements the adapter declares match its rules: a field declared required is checked by some rule; a
    /// rule <c>{erp}.{field}.required</c> has its field declared required (except the CPF/CNPJ, which the client type
    /// requires); a rule <c>{erp}.{field}.too_long</c> has its field's length declared.
    /// </summary>
    [Fact]
    public void Declared_requirements_match_the_rules()
    {
        var erp = Adapter.Descriptor.Erp.Value;
        var requirements = Adapter.FieldRequirements;
        var codes = Adapter.Rules.Select(r => r.Code).ToHashSet();
        var mismatches = new List<string>();
        foreach (var field in requirements.Required.Where(f => !Adapter.Rules.Any(r => r.Field == f.Path() || r.Field.StartsWith(f.Path() + ".", StringComparison.Ordinal))))
            mismatches.Add($"{field} is declared required, but no rule checks {field.Path()}");
        foreach (var field in Enum.GetValues<RegistrationField>())
        {
            if (field != RegistrationField.TaxId && codes.Contains($"{erp}.{field.Path()}.required") && !requirements.Required.Contains(field))
                mismatches.Add($"rule {erp}.{field.Path()}.required, but {field} is not in FieldRequirements.Required");
            if (codes.Contains($"{erp}.{field.Path()}.too_long") && !requirements.MaxLengths.ContainsKey(field))
                mismatches.Add($"rule {erp}.{field.Path()}.too_long, but FieldRequirements.MaxLengths has no {field}");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>Limits on registration fields are part of the field requirements.</summary>
    [Fact]
    public void Limits_on_registration_fields_are_part_of_the_field_requirements()
    {
        foreach (var limit in Adapter.Limits.All.Where(l => l.CrmField is not null))
            Assert.True(Adapter.FieldRequirements.MaxLengths.TryGetValue(limit.CrmField!.Value, out var max) && max <= limit.MaxLength,
                $"{limit.CrmField} is limited to {limit.MaxLength} by {limit.ErpField} but the requirements do not say so.");
    }

    /// <summary>Payload read back and sent again is the same payload.</summary>
    [Fact]
    public void Payload_read_back_and_sent_again_is_the_same_payload()
    {
        foreach (var account in new[] { EligibleAccount(), LongTextAccount(), EligibleAccount().Integrated(SampleErpCode) })
        {
            var body = Adapter.Prepare(account).Body;
            var form = Adapter.ToForm(body);
            var again = RegistrationRules.Validate(form, ReadBackContext).Match(
                valid => Account.Register(account.Id, account.TenantId, valid, TestAccounts.User, TestAccounts.Clock()),
                invalid => throw new Xunit.Sdk.XunitException($"The payload read back is not a valid account:\n{invalid}\n{body}"));
            if (account.Integration.TryPickT1(out var erp, out _))
                again.Integrated(erp.ErpCode, account.ErpSituation);
            Assert.Equal(body, Adapter.Prepare(again).Body);
        }
    }

    /// <summary>Status is read from the erp payload.</summary>
    [Fact]
    public void Status_is_read_from_the_erp_payload()
    {
        var samples = StatusSamples().ToList();
        Assert.Contains(samples, s => s.Expected == ErpSituation.Active);
        Assert.Contains(samples, s => s.Expected == ErpSituation.Inactive);
        foreach (var (payload, today, expected) in samples)
            Assert.Equal(expected, Adapter.ReadState(payload, today).Situation);
    }

    /// <summary>New account is created and integrated account updated under its code.</summary>
    [Fact]
    public void New_account_is_created_and_integrated_account_updated_under_its_code()
    {
        var fresh = Adapter.Prepare(EligibleAccount());
        Assert.Equal(ErpOperation.Create, fresh.Operation);
        Assert.Null(fresh.ErpCode);
        Assert.Equal(ErpCustomerState.NotIntegrated, Adapter.ReadState(fresh.Body, TestAccounts.Today));

        var integrated = Adapter.Prepare(EligibleAccount().Integrated(SampleErpCode));
        Assert.Equal(ErpOperation.Update, integrated.Operation);
        Assert.Equal(SampleErpCode, integrated.ErpCode);
        Assert.Equal(SampleErpCode, Adapter.ReadState(integrated.Body, TestAccounts.Today).ErpCode);
    }

    /// <summary>Payload and idempotency key are deterministic whatever the culture.</summary>
    [Fact]
    public void Payload_and_idempotency_key_are_deterministic_whatever_the_culture()
    {
        var expected = Adapter.Prepare(EligibleAccount());
        var culture = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "pt-BR", "tr-TR", "ar-SA", "" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                Assert.Equal(expected, Adapter.Prepare(EligibleAccount()));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>A changed account gets a new idempotency key.</summary>
    [Fact]
    public void A_changed_account_gets_a_new_idempotency_key()
    {
        var account = EligibleAccount();
        var before = Adapter.Prepare(account);
        var form = account.Data.ToForm() with { LegalName = account.Data.LegalName[..^1] + "Z" };
        var updated = RegistrationRules.Validate(form, ReadBackContext).Match(v => v,
            invalid => throw new Xunit.Sdk.XunitException(invalid.ToString()));
        account.Update(updated, TestAccounts.User, TestAccounts.Clock());
        Assert.NotEqual(before.Key, Adapter.Prepare(account).Key);
    }

    /// <summary>Gestao de planos is refused unless declared, and answered by an adapter that declares it.</summary>
    [Fact]
    public void Gestao_de_planos_is_refused_unless_declared()
    {
        var result = Adapter.Evaluate(EligibleAccount(), Context with { System = IntegrationSystem.Gp });
        if (Adapter.Descriptor.Can(ErpCapabilities.GestaoDePlanos))
            Assert.DoesNotContain("integration.gp_unsupported", result.Problems.Select(p => p.Code));
        else
            Assert.Equal(["integration.gp_unsupported"], result.Problems.Select(p => p.Code));
    }

    /// <summary>
    /// An order is either declared unsupported (<c>integration.orders_unsupported</c>, naming the adapter) or becomes a create
    /// message of the customer's account carrying the order, the same bytes and key in any culture, a new key when the order
    /// changes.
    /// </summary>
    [Fact]
    public void An_order_is_declared_unsupported_or_prepared_deterministically()
    {
        var customer = EligibleAccount();
        var order = SampleOrder(customer, SampleErpCode);
        var answer = Adapter.PrepareOrder(order);
        if (answer.TryPickT1(out var unsupported, out var message))
        {
            Assert.Equal(("integration.orders_unsupported", Adapter.Descriptor.Name), (unsupported.Problem.Code, unsupported.Adapter));
            return;
        }
        Assert.Equal((Adapter.Descriptor.Erp, ErpOperation.Create, order.Customer, (SalesOrderId?)order.Order),
            (message.Erp, message.Operation, message.Account, message.Order));
        var culture = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "pt-BR", "tr-TR", "ar-SA", "" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                Assert.Equal(message, Adapter.PrepareOrder(order).AsT0);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        Assert.NotEqual(message.Key, Adapter.PrepareOrder(order with { Freight = order.Freight + 1m }).AsT0.Key);
    }

    /// <summary>The ERP endpoint takes the order of a customer it accepted once, answering its order number; a resend is absorbed.</summary>
    [Fact]
    public async Task Erp_takes_an_order_of_its_customer_once()
    {
        var erp = CreateEndpoint();
        var customer = EligibleAccount();
        var created = await erp.SendAsync(Adapter.Prepare(customer));
        Assert.True(created.IsT0, $"The ERP refused the eligible account: {created.Value}");
        var integrated = customer.Integrated(created.AsT0.ErpCode);
        if (!Adapter.PrepareOrder(SampleOrder(integrated, created.AsT0.ErpCode)).TryPickT0(out var message, out _))
            return; // Declared unsupported: An_order_is_declared_unsupported_or_prepared_deterministically checks the answer.

        var first = await erp.SendAsync(message);
        var resend = await erp.SendAsync(message);

        Assert.True(first.IsT0, $"The ERP refused the sample order: {first.Value}");
        Assert.False(string.IsNullOrWhiteSpace(first.AsT0.ErpCode));
        Assert.Equal(first.AsT0, resend.AsT0);
        Assert.Equal((2, 1), (erp.Applied, erp.Duplicates));
    }

    /// <summary>Erp applies a message once and later updates under the code it gave.</summary>
    [Fact]
    public async Task Erp_applies_a_message_once_and_later_updates_under_the_code_it_gave()
    {
        var erp = CreateEndpoint();
        var account = EligibleAccount();
        var message = Adapter.Prepare(account);

        var first = await erp.SendAsync(message);
        var resend = await erp.SendAsync(message);

        Assert.True(first.IsT0, $"The ERP refused the eligible account: {first.Value}");
        Assert.Equal(first.AsT0, resend.AsT0);
        Assert.Equal(1, erp.Applied);

        var update = Adapter.Prepare(account.Integrated(first.AsT0.ErpCode));
        var second = await erp.SendAsync(update);
        Assert.True(second.IsT0, $"The ERP refused the update: {second.Value}");
        Assert.Equal(first.AsT0.ErpCode, second.AsT0.ErpCode);
        Assert.Equal(2, erp.Applied);
    }

    /// <summary>Unreachable erp answers unavailable and the same message goes through later.</summary>
    [Fact]
    public async Task Unreachable_erp_answers_unavailable_and_the_same_message_goes_through_later()
    {
        var erp = CreateEndpoint();
        var message = Adapter.Prepare(EligibleAccount());
        erp.Down = true;
        Assert.True((await erp.SendAsync(message)).IsT2);
        erp.Down = false;
        Assert.True((await erp.SendAsync(message)).IsT0);
        Assert.Equal(1, erp.Applied);
    }

    /// <summary>Cancelled send does not reach the erp.</summary>
    [Fact]
    public async Task Cancelled_send_does_not_reach_the_erp()
    {
        var erp = CreateEndpoint();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => erp.SendAsync(Adapter.Prepare(EligibleAccount()), cancelled.Token).AsTask());
        Assert.Equal(0, erp.Applied);
    }

    /// <summary>Every kind the reader serves pages to the end, each record of that kind; a kind it does not serve is refused.</summary>
    [Fact]
    public async Task Reader_pages_every_kind_it_serves_to_the_end_and_refuses_the_others()
    {
        await using var under = await StartReaderAsync();
        if (under is null)
            return;
        foreach (var kind in under.Reader.MasterDataKinds)
        {
            var read = await under.Reader.ReadAllAsync(kind);
            Assert.True(read.IsT0, $"Reading the {kind} list failed: {read.Value}");
            Assert.All(read.AsT0, record => Assert.Equal(kind, record.Kind));
            Assert.True((await under.Reader.ReadMasterDataAsync(kind, 1)).AsT0.HasNext,
                $"The ERP under test should hold more than one page of {kind} records, to check the paging.");
        }
        foreach (var kind in Enum.GetValues<MasterDataKind>().Except(under.Reader.MasterDataKinds))
        {
            var refused = await under.Reader.ReadMasterDataAsync(kind, 1);
            Assert.True(refused.IsT1, $"The {kind} list is not served, yet the read answered {refused.Value}");
            Assert.Equal([ErpReadCodes.ListNotServed], refused.AsT1.Problems.Select(p => p.Code));
        }
    }

    /// <summary>A standing leaves null what the ERP does not expose, and carries when it was read.</summary>
    [Fact]
    public async Task Reader_standing_leaves_what_the_erp_does_not_expose_null()
    {
        await using var under = await StartReaderAsync();
        if (under is null)
            return;
        var readAt = Instant.FromUtc(2026, 11, 22, 4, 30);

        var read = await under.Reader.ReadStandingAsync(under.KnownCustomer, TestAccounts.Today, readAt);

        Assert.True(read.IsT0, $"Reading the standing of {under.KnownCustomer} failed: {read.Value}");
        var standing = read.AsT0;
        Assert.Equal(readAt, standing.ReadAt);
        var parts = new (Http.ErpStateFields Field, object? Value)[]
        {
            (Http.ErpStateFields.Blocked, standing.Blocked), (Http.ErpStateFields.LastPurchase, standing.LastPurchase),
            (Http.ErpStateFields.CreditLimit, standing.CreditLimit), (Http.ErpStateFields.CreditLimit, standing.CreditLimitExpiresOn),
            (Http.ErpStateFields.OpenBalance, standing.OpenBalance),
        };
        Assert.All(parts.Where(p => under.NotExposed.HasFlag(p.Field)), p => Assert.Null(p.Value));
    }

    /// <summary>Every customer payload the reader pages reads back through the adapter; a reader without the list refuses it.</summary>
    [Fact]
    public async Task Reader_customer_payloads_read_back_through_the_adapter()
    {
        await using var under = await StartReaderAsync();
        if (under is null)
            return;
        if (!under.Reader.ServesCustomers)
        {
            var refused = await under.Reader.ReadCustomersAsync(1);
            Assert.Equal([ErpReadCodes.ListNotServed], refused.AsT1.Problems.Select(p => p.Code));
            return;
        }

        var read = await under.Reader.ReadAllCustomersAsync();

        Assert.True(read.IsT0, $"Reading the customers failed: {read.Value}");
        Assert.NotEmpty(read.AsT0);
        Assert.All(read.AsT0, payload =>
        {
            Assert.NotNull(Adapter.ToForm(payload));
            Assert.False(string.IsNullOrEmpty(Adapter.ReadState(payload, TestAccounts.Today).ErpCode), $"No ERP code read from {payload}");
        });
        Assert.Contains(under.KnownCustomer, read.AsT0.Select(p => Adapter.ReadState(p, TestAccounts.Today).ErpCode));
    }
}
