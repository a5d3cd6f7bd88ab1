using Crm.Domain.Servers;

namespace Crm.Domain.Tests.Servers;

/// <summary>A stand-in for Data Protection: reversible and visibly different from the clear text; counts its calls.</summary>
internal sealed class ReversingProtector : ISecretProtector
{
    public int Protected { get; private set; }

    public ProtectedSecret Protect(Secret secret)
    {
        Protected++;
        return new ProtectedSecret("enc:" + new string(secret.Reveal().Reverse().ToArray()));
    }

    public Secret Unprotect(ProtectedSecret secret) => new(new string(secret.Payload["enc:".Length..].Reverse().ToArray()));
}
