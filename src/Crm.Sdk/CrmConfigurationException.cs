namespace Crm.Sdk;

/// <summary>The engine cannot start as configured (two adapters for one ERP, an adapter built for another contract...).</summary>
public sealed class CrmConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CrmConfigurationException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public CrmConfigurationException(string message, Exception innerException) : base(message, innerException) { }
}
