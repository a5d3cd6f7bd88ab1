using Crm.Connectors.Mail;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Crm.Persistence.Notifications;
using Crm.Persistence.Outbox;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Notifications;

/// <summary>Something users are told about, as a use case describes it.</summary>
/// <param name="Subject">What moved.</param>
/// <param name="SubjectId">Its id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">How it moved.</param>
/// <param name="Detail">The stage entered, the reason; optional.</param>
/// <param name="Responsible">The user responsible for it (an opportunity's owner).</param>
/// <param name="Company">The company of the record it concerns (an opportunity's account), when known.</param>
/// <param name="Branch">Its branch, when known.</param>
internal sealed record MovementNotice(MovementSubject Subject, string SubjectId, string Title, MovementKind Kind, string? Detail,
    UserId Responsible, CompanyId? Company, BranchId? Branch);

/// <summary>
/// Stages the notification e-mails of a movement in the use case's unit of work, written in the same transaction as the
/// movement or not at all. Who is told: the user responsible for the record and that user's manager (seed 001's
/// "subordinado de"), never the user who made the movement, only active users with an e-mail address. Each goes through the
/// SMTP server of the recipient's company/branch (the pair of the user's that covers the record's company/branch, else the
/// user's first pair; <see cref="SmtpRouting"/>: the branch's servers, then the company's, the primary first), due after
/// that server's send delay. A recipient without a company or whose company has no SMTP server is not notified (logged at
/// Debug, event 1210): seed 001 sends only once the customer's IT configured the server.
/// </summary>
internal static class NotificationWriter
{
    public static async Task StageAsync(UnitOfWork work, MovementNotice notice)
    {
        var users = work.Db.Users.AsNoTracking();
        var responsible = await users.SingleOrDefaultAsync(u => u.Id == notice.Responsible, work.Cancellation).ConfigureAwait(false);
        if (responsible is null)
            return;
        var recipients = new List<User> { responsible };
        if (responsible.Manager is { } manager
            && await users.SingleOrDefaultAsync(u => u.Id == manager, work.Cancellation).ConfigureAwait(false) is { } boss)
            recipients.Add(boss);
        var movement = Guid.NewGuid();
        var told = new List<(User User, CompanyBranch Pair)>();
        foreach (var user in recipients)
        {
            var reason = user.Id == work.User ? "the user made the movement"
                : user.Status != UserStatus.Active ? "the user is inactive"
                : user.Email is null ? "the user has no e-mail address"
                : user.Companies.Count == 0 ? "the user works in no company"
                : null;
            if (reason is null)
                told.Add((user, PairOf(user, notice.Company, notice.Branch)));
            else
                NotificationLog.NotNotified(work.Engine.NotificationLogger, user.Id.Value, movement, reason);
        }
        if (told.Count == 0)
            return;
        var companies = told.Select(t => t.Pair.Company).Distinct().ToList();
        var servers = await work.Db.SmtpSettings.AsNoTracking().Where(s => companies.Contains(s.Company))
            .ToListAsync(work.Cancellation).ConfigureAwait(false);
        var now = work.Clock.GetCurrentInstant();
        var actor = work.Access.User?.Name ?? "";
        foreach (var (user, pair) in told)
        {
            if (SmtpRouting.For(servers, pair.Company, pair.Branch) is not { } smtp)
            {
                NotificationLog.NotNotified(work.Engine.NotificationLogger, user.Id.Value, movement, "the user's company has no SMTP server");
                continue;
            }
            var address = user.Email!.Value;
            work.Db.Notifications.Add(new NotificationMessage
            {
                Tenant = work.Tenant,
                Id = Guid.NewGuid(),
                MessageId = NotificationComposer.MessageIdOf(movement, address),
                Movement = movement,
                Subject = notice.Subject.ToString(),
                SubjectId = notice.SubjectId,
                Title = notice.Title,
                Kind = notice.Kind.ToString(),
                Actor = actor,
                At = now,
                Detail = notice.Detail is { Length: > NotificationMessage.MaxDetailLength } detail ? detail[..NotificationMessage.MaxDetailLength] : notice.Detail,
                Recipient = user.Id,
                RecipientEmail = address,
                RecipientName = user.Name,
                Company = pair.Company,
                Branch = pair.Branch,
                Status = OutboxStatus.Pending,
                NextAttemptAt = now + smtp.SendDelay,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
    }

    // The user's pair that covers the record's company/branch, else its first: "the SMTP settings of the user's company/branch".
    private static CompanyBranch PairOf(User user, CompanyId? company, BranchId? branch)
    {
        if (company is { } c)
            foreach (var pair in user.Companies)
                if (pair.Covers(c, branch))
                    return new CompanyBranch(c, pair.Branch ?? branch);
        return user.Companies[0];
    }
}
