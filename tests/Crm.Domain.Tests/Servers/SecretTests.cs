using Crm.Domain.Servers;

namespace Crm.Domain.Tests.Servers;

public class SecretTests
{
    [Fact]
    public void A_secret_never_prints_its_value()
    {
        var secret = new Secret("s3nh@Forte");
        var form = new { User = "crm", Password = secret };

        Assert.Equal("***", secret.ToString());
        Assert.Equal("senha: ***", $"senha: {secret}");
        Assert.DoesNotContain("s3nh@Forte", form.ToString());
        Assert.Equal("s3nh@Forte", secret.Reveal());
    }

    [Fact]
    public void The_debugger_shows_stars_for_clear_and_protected_secrets()
    {
        Assert.Equal("***", DebuggerDisplayOf(typeof(Secret)));
        Assert.Equal("***", DebuggerDisplayOf(typeof(ProtectedSecret)));
    }

    [Fact]
    public void A_protected_secret_prints_stars_too_and_round_trips_through_the_protector()
    {
        var protector = new ReversingProtector();

        var stored = protector.Protect(new Secret("abc123"));

        Assert.Equal("***", stored.ToString());
        Assert.NotEqual("abc123", stored.Payload);
        Assert.Equal("abc123", protector.Unprotect(stored).Reveal());
    }

    [Fact]
    public void An_empty_secret_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => new Secret(""));
        Assert.Throws<ArgumentException>(() => new ProtectedSecret(""));
    }

    private static string? DebuggerDisplayOf(Type type) =>
        type.GetCustomAttributes(typeof(System.Diagnostics.DebuggerDisplayAttribute), false)
            .Cast<System.Diagnostics.DebuggerDisplayAttribute>().Single().Value;
}
