using Crm.Domain.Identity;
using Crm.Persistence;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Crm.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private static readonly TenantId DemoTenant = new(Guid.Parse("de300000-0000-4000-8000-000000000001"));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-demo-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    public void Dispose()
    {
        SqliteFolders.Delete(_folder);
    }

    [Fact]
    public void The_demo_provisions_the_tenant_registers_through_sessions_and_shows_each_role_its_own_view()
    {
        var run = CliRun.Of("demo", "--db", Db);

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Error);
        Assert.Equal(6, run.OutputLines.Count(l => l.Contains("concluída", StringComparison.Ordinal)));
        // Each person registered its own accounts and leads through its session.
        Assert.Contains(run.OutputLines, l => Row(l) is ["carlos", "novos: 2", "novos: 1"]);
        Assert.Contains(run.OutputLines, l => Row(l) is ["marina", "novos: 2", "novos: 0"]);
        AssertSteps(run, converted: "→ convertido na conta ");
        // The funnel: created by the Diretora, then each stage's automation promotes Bruno's account in the move's transaction.
        Assert.Contains("Funil: Marina Diretora cria o funil de vendas → criado com 6 etapas", run.OutputLines);
        Assert.Contains("Funil: Carlos Coordenador abre uma oportunidade para \"Cliente 09 de Bruno Ltda\" em \"Prospecção\" → aberta, sem automação na etapa", run.OutputLines);
        Assert.Contains("Funil: Carlos Coordenador move a oportunidade para \"Qualificação\" → conta promovida a PROSPECT pela automação da etapa", run.OutputLines);
        Assert.Contains("Funil: Carlos Coordenador ganha a oportunidade (\"Fechado - ganho\") → conta promovida a CLIENTE pela automação da etapa", run.OutputLines);
        // Carlos's converted lead is an account now, and the lead stays (read-only); Marina imported one more: 12 accounts.
        Assert.Contains(run.OutputLines, l => Row(l) is ["marina", "CRM - Diretor", "12", "4"]);
        // The spreadsheets: the export before the import, one customer imported with its sales table, one price change applied.
        Assert.Contains("Exportação: Marina exporta os clientes que vê, nas colunas da importação → 11 clientes em ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Importação: Marina importa um cliente com tabela de venda 001 (local de faturamento 01, armazém 01) → 1 criado(s), 0 atualizado(s), 0 inalterado(s), 0 recusado(s)", run.OutputLines);
        Assert.Contains("Preços: Marina processa os lotes pendentes → 1 preço(s) aplicado(s) em 1 lote(s), 0 recusado(s)", run.OutputLines);
        Assert.Contains(run.OutputLines, l => l.StartsWith("Preços: A tabela 001 mostra o preço do café → 18,90 desde sempre, 19,90 desde ", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => Row(l) is ["carlos", "CRM - Coordenador", "7", "3"]);
        Assert.Contains(run.OutputLines, l => Row(l) is ["ana", "CRM - Usuário", "2", "1"]);
        // The Usuária outside the Coordenador's team appears only in the Diretora's table.
        Assert.Single(run.OutputLines, l => l.Contains("Cliente 12 de Paula", StringComparison.Ordinal));
        // Ana's board through her saved filter "Meus cartões": only the card of her lead, out of one card per lead.
        Assert.Contains(run.OutputLines, l => l.Contains("de Ana Vendedora, filtros salvos: Meus cartões", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => Row(l) is ["Primeiro contato", "1", "Cliente 08 de Ana Ltda"]);
        Assert.Contains(run.OutputLines, l => Row(l) is ["Visita", "0"]);
        Assert.Contains(run.OutputLines, l => Row(l) is ["Proposta", "0"]);
        Assert.Contains(run.OutputLines, l => l.Contains("Filtro em uso: 1 de 4 cartões.", StringComparison.Ordinal));
        // Inbound: the fake Protheus's master data loaded, every sent customer's standing pulled, Ana's credit as Protheus holds it.
        Assert.Contains("Cadastros do ERP: 2 vendedores, 1 transportadoras, 1 condições de pagamento, 1 tabelas de preço.", run.OutputLines);
        Assert.Contains("Situação no ERP: 11 cliente(s) lido(s), 11 alterado(s), 0 recusado(s) pelo ERP.", run.OutputLines);
        Assert.Single(run.OutputLines, l => l.StartsWith("Situação de \"Cliente 06 de Ana Ltda\": Ativo ERP, limite 10.000,00, em aberto 1.200,00.", StringComparison.Ordinal));
        // The ten accounts, the converted lead and the update of the account the funnel promoted to CLIENTE went to the fake Protheus through the injected faults: retried, then acknowledged.
        var dispatch = Regex.Match(run.Output, @"Despacho: (\d+) enviadas e reconhecidas pelo ERP, (\d+) novas tentativas após falhas, (\d+) estacionadas\.");
        Assert.True(dispatch.Success, run.Output);
        Assert.Equal(("12", "0"), (dispatch.Groups[1].Value, dispatch.Groups[3].Value));
        Assert.NotEqual("0", dispatch.Groups[2].Value);
        Assert.Matches(@"O Protheus recebeu \d+ requisições \(.*Status500: 2.*\), aplicou 12 gravações de cliente \(inclusões e alterações\) e absorveu 1 reenvio\(s\)", run.Output);
        Assert.Contains("Outbox do ERP: 0 pendentes, 0 enviando, 12 enviadas, 0 estacionadas.", run.OutputLines);
        // The company's SMTP server (a real one on 127.0.0.1): the test e-mail to the sender, then the funnel's three movements
        // told to Bruno, who owns the opportunity (Carlos, his manager, made the moves: an actor is never told).
        Assert.Contains(run.OutputLines, l => l.StartsWith("SMTP: Marina Diretora testa o envio de e-mail → enviado", StringComparison.Ordinal));
        Assert.Contains("Notificações por e-mail: 3 enviadas, 0 novas tentativas, 0 estacionadas.", run.OutputLines);
        Assert.Contains(run.OutputLines, l => Row(l) is ["crm@exemplo.com.br", "CRM - teste de envio de e-mail"]);
        Assert.Contains(run.OutputLines, l => Row(l) is ["bruno@exemplo.com.br", "[CRM] Oportunidade criada: Primeiro pedido"]);
        Assert.Contains(run.OutputLines, l => Row(l) is ["bruno@exemplo.com.br", "[CRM] Oportunidade mudou de etapa: Primeiro pedido"]);
        Assert.Contains(run.OutputLines, l => Row(l) is ["bruno@exemplo.com.br", "[CRM] Oportunidade ganha: Primeiro pedido"]);
        Assert.DoesNotContain(run.OutputLines, l => l.Contains("carlos@exemplo.com.br", StringComparison.Ordinal) && l.Contains("Oportunidade", StringComparison.Ordinal));
        AssertSale(run);
        AssertService(run);
    }

    /// <summary>The service section: a complaint by phone answered and closed within its target, a visit booked, a follow-up, the timeline.</summary>
    private static void AssertService(CliRun run)
    {
        Assert.Contains(run.OutputLines, l => l.StartsWith("Atendimento: Ana registra uma reclamação recebida por telefone na conta \"Cliente 06 de Ana Ltda\"", StringComparison.Ordinal) && l.EndsWith("→ aberta", StringComparison.Ordinal));
        Assert.Contains("Atendimento: Ana responde ao cliente → respondida", run.OutputLines);
        Assert.Contains("Atendimento: Ana encerra a ocorrência → encerrada", run.OutputLines);
        Assert.Contains(run.OutputLines, l => Regex.IsMatch(l, @"^Tempo de resposta: \d+ min \d+ s, meta do motivo RECL: 24 h → no prazo\.$"));
        Assert.Contains(run.OutputLines, l => l.StartsWith("Agenda: Ana marca uma visita de pós-venda para ", StringComparison.Ordinal) && l.EndsWith("→ agendada", StringComparison.Ordinal));
        Assert.Contains("Follow-up: Ana anota o contato e o próximo retorno → registrado", run.OutputLines);
        Assert.Contains("Notificações do atendimento: 5 enviadas, 0 novas tentativas, 0 estacionadas.", run.OutputLines);
        foreach (var movement in new[] { "criada", "respondida", "encerrada" })
            Assert.Contains($"carlos@exemplo.com.br: [CRM] Ocorrência {movement}: RECL: Cliente ligou: uma caixa do último pedido chegou avariada.", run.OutputLines);
        Assert.Contains(run.OutputLines, l => l.StartsWith("carlos@exemplo.com.br: [CRM] Compromisso criado: Visita de pós-venda", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.StartsWith("carlos@exemplo.com.br: [CRM] Follow-up criado: Cliente 06 de Ana Ltda", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.Contains("Linha do tempo da conta", StringComparison.Ordinal));
        foreach (var kind in new[] { "Follow-up", "Compromisso agendado", "Ocorrência encerrada", "Ocorrência respondida", "Ocorrência aberta", "Pedido" })
            Assert.Contains(run.OutputLines, l => Row(l) is [_, var k, ..] && k == kind);
    }

    /// <summary>
    /// The order of the first run: a sale problem shown with its item, product and code, corrected; a discount above the
    /// Usuária's alçada approved by her Coordenador; released with the ERP's credit; sent to the fake Protheus (EAI Order)
    /// and marked Sent; its proposal written as HTML beside the database.
    /// </summary>
    private void AssertSale(CliRun run)
    {
        Assert.Contains("Catálogo: Marina Diretora grava o catálogo (produtos, preços, estoque) → gravado: 4 produtos, 3 preços, 3 saldos de estoque", run.OutputLines);
        Assert.Contains(run.OutputLines, l => l.StartsWith("Pedido: Ana inclui 3 kits café da manhã e 25 kg de açúcar → problemas de venda: item 3 (ACUCAR-1K): items[3].quantity: order.item.not_multiple", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.StartsWith("Pedido: Ana corrige o açúcar para 30 kg → ok, total ", StringComparison.Ordinal));
        Assert.Contains("Pedido: Ana envia o pedido → Aguardando aprovação: 1 item(ns) acima da alçada dela (5 %)", run.OutputLines);
        Assert.Contains("Alçada: Carlos Coordenador aprova 10 % no item → aprovado (pedido Aprovado)", run.OutputLines);
        var release = run.OutputLines.Single(l => l.StartsWith("Liberação: Carlos libera o pedido", StringComparison.Ordinal));
        Assert.Contains("→ liberado; ERP: Na fila", release, StringComparison.Ordinal);
        Assert.Contains("ERP: 1 mensagem(ns) enviada(s); pedido Enviado ao ERP.", run.OutputLines);
        // The indicators' summary names the channel in the engine's words (PortugueseLabels), not the enum's.
        Assert.Contains(run.OutputLines, l => l.Contains("Clientes que preferem Telefone: 1", StringComparison.Ordinal));
        var proposal = run.OutputLines.Single(l => l.StartsWith("Proposta: ", StringComparison.Ordinal))["Proposta: ".Length..];
        Assert.Equal(_folder.FullName, Path.GetDirectoryName(proposal));
        Assert.Contains("<h1>Proposta comercial</h1>", File.ReadAllText(proposal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_demo_twice_reuses_the_file_and_duplicates_nothing()
    {
        var first = CliRun.Of("demo", "--db", Db);

        var second = CliRun.Of("demo", "--db", Db);

        Assert.Equal(0, second.Exit);
        Assert.Equal("", second.Error);
        Assert.Equal(6, second.OutputLines.Count(l => l.Contains("já feita", StringComparison.Ordinal)));
        Assert.Contains(second.OutputLines, l => l.Contains("já carregados", StringComparison.Ordinal));
        // The second run's registrations are refused as duplicates of the first run's: that is what keeps it from storing them twice.
        Assert.Contains(second.OutputLines, l => Row(l) is ["carlos", "novos: 0, já existiam: 2 (recusados como duplicados)", "novos: 0, já existiam: 1 (recusados como duplicados)"]);
        var account = first.OutputLines.Single(l => l.Contains("→ convertido na conta ", StringComparison.Ordinal)).Split("na conta ")[1];
        AssertSteps(second, converted: $"→ já convertido na conta {account} (Cliente 05 de Carlos Ltda), numa execução anterior");
        Assert.Contains("Funil: Carlos Coordenador move a oportunidade de \"Cliente 09 de Bruno Ltda\" até \"Fechado - ganho\" → já feito numa execução anterior: a conta é CLIENTE", second.OutputLines);
        Assert.DoesNotContain(second.OutputLines, l => l.Contains("cria o funil", StringComparison.Ordinal));
        Assert.Contains(second.OutputLines, l => Row(l) is ["carlos", "CRM - Coordenador", "7", "3"]);
        await using var db = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Db)).Open(DemoTenant);
        Assert.Equal((1, 4, 6, 1, 12, 4, 1, 1, 1, 4, 1), (await db.Tenants.CountAsync(), await db.Roles.CountAsync(), await db.Users.CountAsync(),
            await db.Companies.CountAsync(), await db.Accounts.CountAsync(), await db.Leads.CountAsync(), await db.Pipelines.CountAsync(),
            await db.Opportunities.CountAsync(), await db.Boards.CountAsync(), await db.Cards.CountAsync(), await db.BoardFilters.CountAsync()));
        Assert.Contains(second.OutputLines, l => l.Contains("Filtro em uso: 1 de 4 cartões.", StringComparison.Ordinal));
        // Nothing new to send: the first run's messages were all acknowledged, none written again.
        Assert.Contains("Nada a enviar ao ERP: nenhuma mensagem pendente.", second.OutputLines);
        // The first run's order went to Protheus with the customers.
        Assert.Contains("Outbox do ERP: 0 pendentes, 0 enviando, 13 enviadas, 0 estacionadas.", second.OutputLines);
        Assert.Equal(13, await db.Outbox.CountAsync()); // eleven creates, the promoted account's update and the order
        Assert.Contains(second.OutputLines, l => l.StartsWith("Pedido: Ana Vendedora já tem o pedido ", StringComparison.Ordinal) && l.EndsWith("de uma execução anterior.", StringComparison.Ordinal));
        Assert.Equal(1, await db.SalesOrders.CountAsync());
        // The second run moves nothing: no new notification, the first run's three stay sent; the SMTP settings were updated, not added.
        Assert.Contains("Notificações por e-mail: 0 enviadas, 0 novas tentativas, 0 estacionadas.", second.OutputLines);
        Assert.Contains(second.OutputLines, l => l.StartsWith("SMTP: Marina Diretora testa o envio de e-mail → enviado", StringComparison.Ordinal));
        // ... and each run's service section tells Ana's Coordenador of its occurrence, visit and follow-up.
        Assert.Equal((13, 1), (await db.Notifications.CountAsync(n => n.Status == Crm.Persistence.Outbox.OutboxStatus.Sent), await db.SmtpSettings.CountAsync()));
        Assert.Equal(2, await db.Occurrences.CountAsync());
        Assert.Equal(11, (await db.Accounts.ToListAsync()).Count(a => a.Integration.IsT1)); // each has the code Protheus gave it
        // The master data is loaded again (the same lists); the fake Protheus starts empty at each run, so it knows none of the
        // first run's customers: the pull is skipped, saying why, and the standings the first run recorded stay.
        Assert.Contains("Cadastros do ERP: 2 vendedores, 1 transportadoras, 1 condições de pagamento, 1 tabelas de preço.", second.OutputLines);
        Assert.Contains("Situação no ERP: leitura pulada — o Protheus falso começa vazio a cada execução e não conhece os clientes integrados numa execução anterior.", second.OutputLines);
        Assert.DoesNotContain(second.OutputLines, l => l.Contains("recusado(s) pelo ERP", StringComparison.Ordinal));
        Assert.Single(second.OutputLines, l => l.StartsWith("Situação de \"Cliente 06 de Ana Ltda\": Ativo ERP, limite 10.000,00, em aberto 1.200,00.", StringComparison.Ordinal));
        Assert.Equal(5, await db.ErpMasterData.CountAsync());
        Assert.Equal(11, (await db.Accounts.ToListAsync()).Count(a => a.ErpStanding is not null));
    }

    /// <summary>The steps every run shows: a duplicate refused, the lead conversion, a Usuário denied with module and action.</summary>
    private static void AssertSteps(CliRun run, string converted)
    {
        Assert.Contains(run.OutputLines, l => l.StartsWith("Cadastro duplicado: Ana Vendedora cadastra \"Cópia do Cliente 06 Ltda\" com o CNPJ de \"Cliente 06 de Ana Ltda\"", StringComparison.Ordinal)
            && l.Contains("→ recusado (duplicate): account.tax_id.duplicate: ", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.StartsWith("Lead convertido em conta: Carlos Coordenador converte o lead \"Cliente 05 de Carlos Ltda\"", StringComparison.Ordinal)
            && l.Contains(converted, StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.StartsWith("Permissão negada: Ana Vendedora (CRM - Usuário) tenta mesclar suas duas contas → negado: módulo Accounts, ação ", StringComparison.Ordinal)
            && l.Contains("Delete", StringComparison.Ordinal) && l.Contains("access.permission_denied", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_database_is_a_file_in_the_current_folder()
    {
        var help = CliRun.Of("demo", "--help");

        Assert.Contains("crm-demo.db", help.Output, StringComparison.Ordinal);
    }

    private static string[] Row(string line) =>
        [.. line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.Length > 0)];
}
