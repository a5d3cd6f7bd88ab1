using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.Leads;
using Crm.Domain.Accounts.Merging;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Registry;
using Crm.Persistence.Duplicates;
using Crm.Persistence.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Duplicates;

public sealed class DatabaseDuplicatesTests
{
    // Small pools, so that random registrations share tax ids, CNPJ roots, e-mails, phones and names.
    private static readonly string[] TaxIds =
        [.. new[] { "111111110001", "111111110002", "222222220001" }.Select(b => Records.WithCheckDigits(b, Cnpj.IsValid))];
    private static readonly string[] Emails = ["compras@a.com.br", "COMPRAS@A.com.br", "nfe@b.com.br", "x@c.com"];
    private static readonly string[] Phones = ["(11) 3456-7890", "+55 11 3456-7890", "(21) 2222-3333"];
    private static readonly string[] Names = ["Padaria São João Ltda", "PADARIA SAO JOAO", "Mercado Azul S.A.", "Outra Coisa"];

    /// <summary>A registration drawn from the pools (a seed keeps everything else apart).</summary>
    private static readonly Gen<(int TaxId, int[] Emails, int[] Phones, int Legal, int Trade)> Drawn =
        from tax in Gen.Choose(0, TaxIds.Length)
        from emails in Gen.SubListOf(Enumerable.Range(0, Emails.Length).ToArray())
        from phones in Gen.SubListOf(Enumerable.Range(0, Phones.Length).ToArray())
        from legal in Gen.Choose(0, Names.Length - 1)
        from trade in Gen.Choose(0, Names.Length)
        select (tax, emails.ToArray(), phones.ToArray(), legal, trade);

    private static RegistrationForm Form(int seed, (int TaxId, int[] Emails, int[] Phones, int Legal, int Trade) d) =>
        Records.Company(seed) with
        {
            TaxId = d.TaxId < TaxIds.Length ? TaxIds[d.TaxId] : null,
            Emails = d.Emails.Length == 0 ? [new EmailForm($"only{seed}@seed.com")] : [.. d.Emails.Select(e => new EmailForm(Emails[e]))],
            Phones = [.. d.Phones.Select((p, i) => new PhoneForm((PhoneType)i, Phones[p]))],
            LegalName = Names[d.Legal],
            TradeName = d.Trade < Names.Length ? Names[d.Trade] : null,
            ShortName = $"S{seed}",
            ResponsiblePeople = [],
        };

    [Theory, SqliteData, PostgresData]
    public async Task The_database_finds_what_an_in_memory_index_of_the_same_accounts_and_leads_finds(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var cases = Gen.Zip(Drawn.ArrayOf(), Drawn).Select(t => (Stored: t.Item1.Take(8).ToArray(), Query: t.Item2)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), Prop.ForAll(cases, c =>
        {
            var tenant = new TenantId(Guid.NewGuid());
            var accounts = new DuplicateIndex<AccountId>();
            var leads = new DuplicateIndex<LeadId>();
            using (var write = db.Open(tenant))
            {
                for (var i = 0; i < c.Stored.Length; i++)
                {
                    if (i % 2 == 0)
                    {
                        // An account needs a CPF/CNPJ.
                        var account = Account(tenant, Form(i, c.Stored[i] with { TaxId = c.Stored[i].TaxId % TaxIds.Length }));
                        accounts.Add(account.Id, account.Data.DuplicateKeys());
                        write.Accounts.Add(account);
                    }
                    else
                    {
                        var lead = Lead(tenant, Form(i, c.Stored[i]));
                        leads.Add(lead.Id, lead.Data.DuplicateKeys());
                        write.Leads.Add(lead);
                    }
                }
                Assert.True(write.SaveAsync().GetAwaiter().GetResult().IsSaved);
            }
            var query = Records.Valid(Form(99, c.Query), RegistrationKind.Lead).Data;
            using var read = db.Open(tenant);
            var found = new DatabaseDuplicates(read).FindAsync(query).GetAwaiter().GetResult();
            var expected = (accounts.Find(query.DuplicateKeys()), leads.Find(query.DuplicateKeys()));
            // The same answers from a batch's keys read ahead: duplicates, and who holds each short name.
            using var preloaded = db.Open(tenant);
            var names = Enumerable.Range(0, c.Stored.Length + 1).Select(i => ShortName.From($"S{i}")!.Value).ToList();
            preloaded.PreloadAsync([query, .. Enumerable.Range(0, c.Stored.Length).Select(i => Records.Valid(Form(i, c.Stored[i]), RegistrationKind.Lead).Data)])
                .GetAwaiter().GetResult();
            var ahead = new DatabaseDuplicates(preloaded).FindAsync(query).GetAwaiter().GetResult();
            var owners = names.Select(n => new DatabaseShortNames(read).FindOwnerAsync(tenant, n).AsTask().GetAwaiter().GetResult());
            var ownersAhead = names.Select(n => new DatabaseShortNames(preloaded).FindOwnerAsync(tenant, n).AsTask().GetAwaiter().GetResult());
            return Same(found.Accounts, expected.Item1) && Same(found.Leads, expected.Item2)
                && found.IsBlocked == (expected.Item1.IsBlocked || expected.Item2.IsBlocked)
                && Same(ahead.Accounts, expected.Item1) && Same(ahead.Leads, expected.Item2) && owners.SequenceEqual(ownersAhead);
        }));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Keys_read_ahead_are_forgotten_by_the_next_save(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var form = Form(1, (0, [0], [0], 0, 1));
        var data = Records.Valid(form, RegistrationKind.Account).Data;
        await using var work = db.Open(tenant);
        await work.PreloadAsync([data]);
        Assert.Empty((await new DatabaseDuplicates(work).FindAsync(data)).Accounts.Matches);
        var account = Account(tenant, form);
        work.Accounts.Add(account);
        Assert.True((await work.SaveAsync()).IsSaved);
        Assert.Contains((await new DatabaseDuplicates(work).FindAsync(data)).Accounts.Matches, m => m.Id == account.Id);
        Assert.Equal(account.Id, await new DatabaseShortNames(work).FindOwnerAsync(tenant, data.ShortName!.Value));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Edits_move_the_keys_and_the_record_itself_merged_accounts_and_converted_leads_are_not_duplicates(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var form = Form(1, (0, [0], [0], 0, 1));
        var account = Account(tenant, form);
        var absorbed = Account(tenant, Form(2, (0, [0], [], 2, 4)) with { ShortName = "ABSORVIDA" });
        var lead = Lead(tenant, Form(3, (0, [0], [], 3, 4)));
        await using (var write = db.Open(tenant))
        {
            write.AddRange(account, absorbed, lead);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        var query = Records.Valid(form, RegistrationKind.Account).Data;
        await using (var read = db.Open(tenant))
        {
            var found = await new DatabaseDuplicates(read).FindAsync(query, account.Id);
            Assert.DoesNotContain(found.Accounts.Matches, m => m.Id == account.Id);
            Assert.Contains(found.Accounts.Matches, m => m.Id == absorbed.Id && m.Rule == DuplicateRule.SameTaxId);
            Assert.Contains(found.Leads.Matches, m => m.Id == lead.Id && m.Rule == DuplicateRule.SameTaxId);
            Assert.True(found.IsBlocked);
        }

        AccountId converted;
        await using (var change = db.Open(tenant))
        {
            var (survivor, merged, open) = (await change.Accounts.FindAsync(tenant, account.Id), await change.Accounts.FindAsync(tenant, absorbed.Id),
                await change.Leads.FindAsync(tenant, lead.Id));
            Assert.True(AccountMerge.Run(survivor!, merged!, [], new RegistrationContext(AccountSettings.Default, RegistrationKind.Account),
                Records.Ana, Records.Clock()).IsT0);
            Assert.True(LeadConversion.Convert(open!, [], new AccountId(Guid.NewGuid()),
                new RegistrationContext(AccountSettings.Default, RegistrationKind.Account), Records.Ana, Records.Clock(),
                Form(3, (2, [3], [], 3, 4))).TryPickT0(out var conversion, out _));
            change.Accounts.Add(conversion.Account);
            converted = conversion.Account.Id;
            Assert.True((await change.SaveAsync()).IsSaved);
        }
        await using (var read = db.Open(tenant))
        {
            var found = await new DatabaseDuplicates(read).FindAsync(query);
            // The absorbed account and the converted lead are no longer records to duplicate, nor short names' holders.
            Assert.Equal([account.Id], found.Accounts.Matches.Where(m => m.Rule == DuplicateRule.SameTaxId).Select(m => m.Id));
            Assert.Empty(found.Leads.Matches);
            Assert.Null(await new DatabaseShortNames(read).FindOwnerAsync(tenant, ShortName.From("absorvida")!.Value));
            Assert.Equal(account.Id, (await new DatabaseShortNames(read).FindOwnerAsync(tenant, ShortName.From("s1")!.Value))!.AsT1);
            Assert.Equal(converted, (await new DatabaseShortNames(read).FindOwnerAsync(tenant, ShortName.From("S3")!.Value))!.AsT1);
        }

        await using (var edit = db.Open(tenant))
        {
            var stored = await edit.Accounts.FindAsync(tenant, account.Id);
            Assert.True(stored!.Update(Records.Valid(Form(1, (1, [2], [], 3, 4)), RegistrationKind.Account), Records.Ana, Records.Clock()).IsT0);
            Assert.True((await edit.SaveAsync()).IsSaved);
        }
        await using var after = db.Open(tenant);
        Assert.DoesNotContain((await new DatabaseDuplicates(after).FindAsync(query)).Accounts.Matches, m => m.Rule == DuplicateRule.SameTaxId);
        var newTaxId = Records.Valid(Form(5, (1, [], [], 2, 4)), RegistrationKind.Lead).Data;
        Assert.Equal(account.Id, (await new DatabaseDuplicates(after).FindAsync(newTaxId)).Accounts.Matches.Single(m => m.Rule == DuplicateRule.SameTaxId).Id);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_short_name_is_found_whatever_its_case_and_a_concurrent_second_account_with_it_is_refused(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var lead = Lead(tenant, Records.Company(1) with { ShortName = "Padaria" });
        await using (var write = db.Open(tenant))
        {
            write.Leads.Add(lead);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using var first = db.Open(tenant);
        await using var second = db.Open(tenant);
        var registry = new DatabaseShortNames(first);
        Assert.Equal(lead.Id, (await registry.FindOwnerAsync(tenant, ShortName.From("PADARIA")!.Value))!.AsT0);
        Assert.Null(await registry.FindOwnerAsync(tenant, ShortName.From("MERCADO")!.Value));
        await Assert.ThrowsAsync<ArgumentException>(async () => await registry.FindOwnerAsync(new TenantId(Guid.NewGuid()), ShortName.From("X")!.Value));

        // Both sessions checked before either saved: the unique index is the last word.
        first.Accounts.Add(Account(tenant, Records.Company(2) with { ShortName = "mercado" }));
        second.Accounts.Add(Account(tenant, Records.Company(3) with { ShortName = "MERCADO" }));
        Assert.True((await first.SaveAsync()).IsSaved);
        var refused = await second.SaveAsync();
        Assert.Equal(CrmDbContext.DuplicateCode, Assert.Single(refused.AsT2.Problems).Code);
        Assert.Contains("Account", refused.AsT2.Problems[0].Message, StringComparison.Ordinal);
        await using var read = db.Open(tenant);
        Assert.Equal(1, await read.Accounts.CountAsync(a => EF.Property<string>(a, CrmQueries.ShortNameKey) == "MERCADO"));
        Assert.IsType<AccountId>((await new DatabaseShortNames(read).FindOwnerAsync(tenant, ShortName.From("Mercado")!.Value))!.Value);
    }

    [Fact]
    public async Task On_sqlite_the_duplicate_and_short_name_queries_seek_indexes_only()
    {
        await using var db = await TestDatabase.Create(TestProviders.Sqlite);
        await using var session = db.Open(new TenantId(Guid.NewGuid()));
        var texts = new List<string> { "T:1", "E:a@b.c" };
        var plans = new[]
        {
            session.Set<DuplicateKeyRow>().Where(r => texts.Contains(r.Key)).ToQueryString(),
            session.Accounts.Where(a => EF.Property<string?>(a, CrmQueries.ShortNameKey) == "X" && a.MergedInto == null).Select(a => a.Id).ToQueryString(),
            session.Leads.Where(l => EF.Property<string?>(l, CrmQueries.ShortNameKey) == "X" && l.Status == LeadStatus.Open).Select(l => l.Id).ToQueryString(),
        }.Select(sql => QueryPlan(session, sql)).ToList();
        Assert.All(plans, plan => Assert.DoesNotContain("SCAN", plan, StringComparison.Ordinal));
        Assert.All(plans, plan => Assert.Contains("SEARCH", plan, StringComparison.Ordinal));
    }

    private static string QueryPlan(CrmDbContext session, string sql)
    {
        // ToQueryString declares the parameters as ".param set" lines; the plan is of the statement after them.
        var connection = session.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            connection.Open();
        using var command = connection.CreateCommand();
        var lines = sql.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line["".Length..].Split(' ', 4);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = parts[3].Trim('\'');
            command.Parameters.Add(parameter);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
            plan.Add(reader.GetString(3));
        return string.Join('\n', plan);
    }

    private static bool Same<TId>(DuplicateReport<TId> found, DuplicateReport<TId> expected)
        where TId : struct =>
        found.Matches.ToHashSet().SetEquals(expected.Matches) && found.Matches.Count == expected.Matches.Count;

    private static Account Account(TenantId tenant, RegistrationForm form) =>
        Crm.Domain.Accounts.Account.Register(new AccountId(Guid.NewGuid()), tenant, Records.Valid(form, RegistrationKind.Account), Records.Ana, Records.Clock());

    private static Lead Lead(TenantId tenant, RegistrationForm form) =>
        Crm.Domain.Accounts.Lead.Register(new LeadId(Guid.NewGuid()), tenant, Records.Valid(form, RegistrationKind.Lead), Records.Ana, Records.Clock());
}
