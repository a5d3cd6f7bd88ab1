using Crm.Domain.Problems;

namespace Crm.Domain.Tests.Problems;

public class InvalidTests
{
    [Fact]
    public void Keeps_every_problem_in_order()
    {
        var first = new Problem("cpf", "registry.length", "CPF deve ter 11 dígitos.");
        var second = new Problem("email", "registry.format", "E-mail inválido.");

        var invalid = new Invalid(first, second);

        Assert.Equal([first, second], invalid.Problems);
    }

    [Fact]
    public void Refuses_to_exist_without_a_problem() =>
        Assert.Throws<ArgumentException>(() => new Invalid(Array.Empty<Problem>()));

    [Fact]
    public void Problem_text_names_field_code_and_message() =>
        Assert.Equal("cpf: registry.length — CPF deve ter 11 dígitos.",
            new Problem("cpf", "registry.length", "CPF deve ter 11 dígitos.").ToString());
}
