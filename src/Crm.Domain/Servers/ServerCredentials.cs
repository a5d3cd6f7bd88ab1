using Crm.Domain.Problems;
using Crm.Domain.Texts;

namespace Crm.Domain.Servers;

/// <summary>A server user and its password, stored protected only.</summary>
public sealed class ServerCredentials
{
    /// <summary>The longest user name accepted.</summary>
    public const int MaxUserLength = TextLimits.ServerUser;

    private ServerCredentials() { }

    private ServerCredentials(string user, ProtectedSecret password) => (User, Password) = (user, password);

    /// <summary>The user name.</summary>
    public string User { get; private set; } = "";

    /// <summary>The password, encrypted.</summary>
    public ProtectedSecret Password { get; private set; } = null!;

    /// <inheritdoc />
    public override string ToString() => $"{User}:***";

    /// <summary>
    /// The credentials of a form: the user is required; the password is protected when given, and when not, the
    /// <paramref name="current"/> one is kept (a screen never shows it back, so leaving it blank means "unchanged").
    /// </summary>
    internal static ServerCredentials? Validate(string? user, Secret? password, ServerCredentials? current, ISecretProtector protector, ref ProblemCollector problems)
    {
        var errors = problems.Items.Count;
        var cleanUser = problems.Text(user, "user");
        if (cleanUser is null)
            problems.Add("user", ServerCodes.UserRequired, "Informe o usuário do servidor.");
        else if (TextRule.IsLongerThan(cleanUser, MaxUserLength))
            problems.Add("user", ServerCodes.UserTooLong, $"O usuário tem no máximo {MaxUserLength} caracteres.");
        if (password is null && current is null)
            problems.Add("password", ServerCodes.PasswordRequired, "Informe a senha do servidor.");
        if (problems.Items.Count > errors)
            return null;
        return new ServerCredentials(cleanUser!, password is null ? current!.Password : protector.Protect(password));
    }
}
