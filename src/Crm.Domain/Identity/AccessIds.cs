namespace Crm.Domain.Identity;

/// <summary>Identifies a role (<i>papel</i>): standard (Admin, Diretor, Coordenador, Usuário) or custom.</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct RoleId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}

/// <summary>Identifies a department (<i>Cadastros &gt; Departamentos</i>).</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct DepartmentId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}

/// <summary>Identifies a job function (<i>Cadastros &gt; Funções</i>).</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct JobFunctionId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}
