using Crm.Domain.Registry;
using static Crm.Domain.Registry.RegistryCodes;

namespace Crm.Domain.Tests.Registry;

/// <summary>
/// Published IE examples per UF. Every group names its source: the repository and file, or the state's page.
/// "Mutated" entries apply the mutation the cited test itself applies (e.g. Stella's replaceFirst(".", "&amp;")).
/// </summary>
public static class InscricaoEstadualExamples
{
    // erpbrasil/erpbrasil.base, tests/test_fiscal_ie_validar.py: dictionaries ie_validas / ie_invalidas, key = UF.
    private const string Eb = "erpbrasil/erpbrasil.base:tests/test_fiscal_ie_validar.py";

    // caelum/caelum-stella, one test class per UF.
    private static string St(string file) => $"caelum/caelum-stella:stella-core/src/test/java/br/com/caelum/stella/validation/ie/{file}";

    // brazilian-utils/brazilian-utils, one test file per UF.
    private static string Bu(string file) => $"brazilian-utils/brazilian-utils:src/utilities/inscricao-estadual/__tests__/{file}";

    // The traps listed in REGISTRY.md §2 ("Libraries, and what their test suites are worth").
    private const string Registry = "/work/shared/spec/REGISTRY.md §2";

    public sealed record Example(Uf Uf, string Value, string Source);

    public sealed record Defect(Uf Uf, string Value, string Code, string Source);

    private static IEnumerable<Example> Ok(Uf uf, string source, params string[] values) => values.Select(v => new Example(uf, v, source));

    private static IEnumerable<Defect> Bad(Uf uf, string source, string code, params string[] values) => values.Select(v => new Defect(uf, v, code, source));

    /// <summary>Valid examples that parse without warnings.</summary>
    public static readonly Example[] Valid =
    [
        // AC
        .. Ok(Uf.AC, Eb, "0102190200165", "0101296300289", "0100258700145", "0101296300106", "0101613200122", "0100662000133"),
        .. Ok(Uf.AC, St("IEAcreValidatorTest.java"), "01.004.823/001-12", "01.004.141/001-46", "01.001.349/001-77", "01.956.867/001-07"),
        // AL
        .. Ok(Uf.AL, Eb, "241065550", "248501410", "240916425", "248540980", "248429981", "246014342"),
        .. Ok(Uf.AL, St("IEAlagoasValidatorTest.java"), "24.000.004-8", "24.076.739-0", "24.103.644-5", "24.089.826-5", "24.099.991-6"),
        // AM
        .. Ok(Uf.AM, Eb, "042933684", "041330188", "042357071", "042338964", "042215382", "042201624"),
        .. Ok(Uf.AM, St("IEAmazonasValidatorTest.java"), "04.193.980-8", "043456782", "041330471"),
        // AP (030131818 and 030069381 fall in the p = 5 range)
        .. Ok(Uf.AP, Eb, "030380340", "030317541", "030273455", "030131818", "030069381"),
        .. Ok(Uf.AP, St("IEAmapaValidatorTest.java"), "03.012.345-9"),
        // BA, 8 and 9 digits, modulus 10 and 11
        .. Ok(Uf.BA, Eb, "41902653", "77893325", "51153771", "14621862", "09874624"),
        .. Ok(Uf.BA, St("IEBahiaValidatorTest.java"), "612345-57", "123456-63"),
        .. Ok(Uf.BA, Bu("ba.test.ts"), "74219145", "04772253", "038343081", "100000306", "778514741", "078771760", "039474751", "090529323"),
        .. Ok(Uf.BA, "https://www.sefaz.ba.gov.br/contribuinte/informacoes_fiscais/doc_fiscal/calculodv.htm", "1234567-48", "1623456-51"),
        // CE
        .. Ok(Uf.CE, Eb, "063873770", "061876640", "062164252", "061970360", "061880990", "069108595"),
        .. Ok(Uf.CE, St("IECearaValidatorTest.java"), "06.000.001-5", "06.998.161-2", "06.864.509-0", "06.031.909-7"),
        // DF (07 and 08)
        .. Ok(Uf.DF, Eb, "0732709900174", "0730562700176", "0751504400168", "0744409300183", "0748774800134", "0747987900103", "0824761500136"),
        .. Ok(Uf.DF, St("IEDistritoFederalValidatorTest.java"), "07.408.738/002-50", "0734362300177", "0745153000168", "0738963400101", "0733680200160"),
        // ES
        .. Ok(Uf.ES, Eb, "082376123", "082106029", "082467676", "082169713", "082585300", "082588570"),
        .. Ok(Uf.ES, St("IEEspiritoSantoValidatorTest.java"), "082.223.54-8", "082.260.66-4", "760.176.20-5", "395.333.85-7", "322.589.71-1"),
        // GO, including the legacy r = 1 range (101031051, 101199971 inside; 101030940 outside gives 0)
        .. Ok(Uf.GO, Eb, "103450599", "104197633", "104345195", "104455578", "104555270"),
        .. Ok(Uf.GO, St("IEGoiasValidatorTest.java"), "10.987.654-7", "10.103.119-1", "110944020", "101031051", "101199971", "101031041", "101199988"),
        .. Ok(Uf.GO, Bu("go.test.ts"), "109161793", "101030940"),
        .. Ok(Uf.GO, "http://www.sintegra.gov.br/Cad_Estados/cad_GO.html", "10.987.654-7"),
        // MA
        .. Ok(Uf.MA, Eb, "121498298", "122045041", "123214289", "123110130", "123170524", "121530060"),
        .. Ok(Uf.MA, St("IEMaranhaoValidatorTest.java"), "12.000.038-5", "12.074072-9"),
        // MG
        .. Ok(Uf.MG, Eb, "2615950220092", "7000547460067", "3519900270005", "0621828520097", "5780297160005", "0620297160299"),
        .. Ok(Uf.MG, St("IEMinasGeraisValidatorTest.java"), "062.307.904/0081", "0623079040081"),
        // MS
        .. Ok(Uf.MS, Eb, "283370645", "283238933", "283235560", "283167165", "283267089", "283352124"),
        .. Ok(Uf.MS, St("IEMatoGrossoDoSulValidatorTest.java"), "28.303.759-8", "28.322.235-2", "28.301.273-0", "28.288.890-0", "28.226.590-2"),
        // MT, 11 digits (EB) and 9 digits left-padded (Stella)
        .. Ok(Uf.MT, Eb, "00133337413", "00133110028", "00132040549", "00133095614", "00132390329", "00131235460", "00132465710"),
        .. Ok(Uf.MT, St("IEMatoGrossoValidatorTest.java"), "13.193.686-7", "130535516", "130560715", "130762695", "130152579", "131250612"),
        // PA
        .. Ok(Uf.PA, Eb, "151925941", "152336265", "152355650", "151386358", "153646721", "152346910"),
        .. Ok(Uf.PA, St("IEParaValidatorTest.java"), "15.999.999-5", "152298517", "151330816", "151437726", "151918090", "151055610"),
        // PB
        .. Ok(Uf.PB, Eb, "161435947", "161462715", "161455743", "161349242", "161427456", "160506328"),
        .. Ok(Uf.PB, St("IEParaibaValidatorTest.java"), "16.000.001-7", "16.030.321-4", "16.136.565-5", "16.111.243-9", "16.105.973-2"),
        // PE, new (9) and old CACEPE (14)
        .. Ok(Uf.PE, Eb, "027693368", "18171203059328", "029748003", "18171001920081", "030374529"),
        .. Ok(Uf.PE, St("IEPernambucoNovaValidatorTest.java"), "0321418-40", "032141840"),
        .. Ok(Uf.PE, St("IEPernambucoAntigaValidatorTest.java"), "18.1.001.0000004-9", "18100100000049"),
        // PI
        .. Ok(Uf.PI, Eb, "194549992", "194661059", "194507688", "194010406"),
        .. Ok(Uf.PI, St("IEPiauiValidatorTest.java"), "19.301.656-7", "193016567"),
        // PR
        .. Ok(Uf.PR, Eb, "4100161414", "9020581252", "1011473551", "1010586972", "9053527172"),
        .. Ok(Uf.PR, St("IEParanaValidatorTest.java"), "099.00004-09", "826.01749-09", "902.33203-01", "738.00291-16", "738.00294-69", "90258216-93"),
        .. Ok(Uf.PR, "http://fazenda.pr.gov.br/Pagina/calculo-digito-verificador", "123.45678-50"),
        // RJ
        .. Ok(Uf.RJ, Eb, "78890169", "78724994", "78205350", "85190881", "78860057", "78873655"),
        .. Ok(Uf.RJ, St("IERioDeJaneiroValidatorTest.java"), "78.045.302"),
        // RN, 9 and 10 digits
        .. Ok(Uf.RN, Eb, "200887890", "200395149", "200653016", "201199351", "2074337760", "2010665163", "2075778442"),
        .. Ok(Uf.RN, St("IERioGrandeDoNorteValidatorTest.java"), "20.040.040-1", "20.0.040.040-0"),
        // RO, 14 digits and the pre-2000 9-digit form
        .. Ok(Uf.RO, Eb, "00000001656554", "00000001499394", "00000001727117", "00000002999277", "00000001765931"),
        .. Ok(Uf.RO, St("IERondoniaValidatorTest.java"), "0000000172159-3", "0000000172158-5", "0000000172109-7", "0000000058712-5", "0000000043700-0", "0000000002146-6"),
        .. Ok(Uf.RO, "http://www.sintegra.gov.br/Cad_Estados/cad_RO.html", "101.62521-3", "0000000062521-3"),
        // RR
        .. Ok(Uf.RR, Eb, "240151303", "240042104", "240128125", "240146373", "240018116", "240106210", "240003910"),
        .. Ok(Uf.RR, St("IERoraimaValidatorTest.java"), "24006628-1", "24001755-6", "24003429-0", "24001360-3", "24008266-8", "24004145-5"),
        // RS
        .. Ok(Uf.RS, Eb, "0240130111", "0963376217", "0290289009", "1240237330", "0570120209", "0962655449", "0962003670"),
        .. Ok(Uf.RS, St("IERioGrandeDoSulValidatorTest.java"), "224/3658792", "2243658792"),
        // SC
        .. Ok(Uf.SC, Eb, "255830696", "253952662", "253967627", "254086586", "252625080", "251083110", "251130487"),
        .. Ok(Uf.SC, St("IESantaCatarinaValidatorTest.java"), "251.040.852"),
        // SE (no prefix rule: 27…)
        .. Ok(Uf.SE, Eb, "271126973", "271233648", "271200634", "270622020", "271307986"),
        .. Ok(Uf.SE, St("IESergipeValidatorTest.java"), "27123456-3"),
        // SP, industry and commerce, and rural producer with the 0 after P
        .. Ok(Uf.SP, Eb, "692015742119", "645169551117", "649005952111", "P045274182118", "P045098357117"),
        .. Ok(Uf.SP, St("IESaoPauloComercioIndustriaValidatorTest.java"), "110.042.490.114", "110042490114"),
        .. Ok(Uf.SP, St("IESaoPauloProdutorRuralValidatorTest.java"), "P-01100424.3/002", "P011004243002"),
        // TO, 9 digits and the legacy 11 (SINTEGRA TO guide example 29 01 022783 6)
        .. Ok(Uf.TO, Eb, "290021014", "293799490", "290707544", "290655293", "293742782"),
        .. Ok(Uf.TO, St("IETocantinsNovaValidatorTest.java"), "29.040.636-6", "29.040.634-0", "29.385.524-2", "29.032.038-0"),
        .. Ok(Uf.TO, St("IETocantinsAntigaValidatorTest.java"), "29.01.022.783-6"),
        .. Ok(Uf.TO, "http://www.sintegra.gov.br/Cad_Estados/cad_TO.html (copy: cadcobol.com.br/inscricao_estadual_to.htm)", "29 01 022783 6"),
        .. Ok(Uf.TO, Bu("to.test.ts"), "294467696", "294150870"),
    ];

    /// <summary>Valid check digits with a prefix some implementations reject: accepted with a <c>registry.prefix</c> warning.</summary>
    public static readonly Example[] Doubtful =
    [
        .. Ok(Uf.CE, Bu("ce.test.ts"), "853511942"),
        .. Ok(Uf.PA, Eb, "751234567", "761234560", "771234562", "781234565", "791234568"),
        .. Ok(Uf.PB, Bu("pb.test.ts"), "853511942", "853512230", "853511950"),
        .. Ok(Uf.PI, Eb, "169609154"),
        .. Ok(Uf.RJ, Bu("rj.test.ts"), "62545372", "62545470", "62545380"),
        // EB lists it as invalid only because the 0 after P is missing; ACBr accepts it.
        .. Ok(Uf.SP, Eb + " (ie_invalidas)", "P645098352111"),
        // Legacy 11 digits with the type 02 but prefix 01.
        .. Ok(Uf.TO, Bu("to.test.ts"), "01027737427"),
    ];

    /// <summary>Invalid examples and the problem code each must report (others may accompany it).</summary>
    public static readonly Defect[] Rejected =
    [
        // AC
        .. Bad(Uf.AC, Eb, CheckDigit, "0102190200161", "0101296300282", "0100258700141", "0101296300101", "0101613200121", "0100662000131"),
        .. Bad(Uf.AC, Eb, Length, "01006620001310"),
        .. Bad(Uf.AC, St("IEAcreValidatorTest.java"), CheckDigit, "0100482300115"),
        .. Bad(Uf.AC, St("IEAcreValidatorTest.java") + " (mutated)", Characters, "&100482300112"),
        .. Bad(Uf.AC, St("IEAcreValidatorTest.java") + " (mutated)", Length, "100482300112"),
        // AL
        .. Bad(Uf.AL, Eb, CheckDigit, "241065551", "248501412", "240916422", "248540982", "248429982", "246014341"),
        .. Bad(Uf.AL, Eb, Length, "2460143410"),
        .. Bad(Uf.AL, St("IEAlagoasValidatorTest.java"), CheckDigit, "240000040"),
        // AM
        .. Bad(Uf.AM, Eb, CheckDigit, "042933681", "041330181", "042357072", "042338961", "042215381", "042201621"),
        .. Bad(Uf.AM, Eb, Length, "0422016210"),
        .. Bad(Uf.AM, St("IEAmazonasValidatorTest.java"), CheckDigit, "043456789", "04.345.678-9"),
        .. Bad(Uf.AM, St("IEAmazonasValidatorTest.java"), Characters, "a23456789"),
        .. Bad(Uf.AM, St("IEAmazonasValidatorTest.java"), Length, "23456789", "1234567890"),
        // AP
        .. Bad(Uf.AP, Eb, CheckDigit, "030380341", "030317542", "030273465", "030132818", "030069281"),
        .. Bad(Uf.AP, St("IEAmapaValidatorTest.java"), CheckDigit, "030123450"),
        .. Bad(Uf.AP, St("IEAmapaValidatorTest.java") + " (mutated)", Characters, "&30123459"),
        .. Bad(Uf.AP, St("IEAmapaValidatorTest.java") + " (mutated)", Length, "0301234595"),
        // BA
        .. Bad(Uf.BA, Eb, CheckDigit, "41902652", "77893322", "51153772", "14621861", "09874625", "098746250"),
        .. Bad(Uf.BA, St("IEBahiaValidatorTest.java"), CheckDigit, "61234559"),
        .. Bad(Uf.BA, Bu("ba.test.ts"), CheckDigit, "12345636", "74219154", "038343001", "778514731"),
        .. Bad(Uf.BA, Bu("ba.test.ts"), Length, "0012345636"),
        .. Bad(Uf.BA, St("IEBahiaValidatorTest.java") + " (mutated)", Characters, "&1234557"),
        // CE
        .. Bad(Uf.CE, Eb, CheckDigit, "063873771", "061876641", "062164251", "061970361", "061880991", "069108591"),
        .. Bad(Uf.CE, Eb, Length, "0691085910"),
        .. Bad(Uf.CE, St("IECearaValidatorTest.java"), CheckDigit, "060000010"),
        .. Bad(Uf.CE, Bu("ce.test.ts"), CheckDigit, "853511943"),
        .. Bad(Uf.CE, Bu("ce.test.ts"), Length, "0853511942"),
        // DF
        .. Bad(Uf.DF, Eb, CheckDigit, "0732709900171", "0730562700171", "0751504400161", "0744409300181", "0748774800131", "0747987900101", "0824761500137"),
        .. Bad(Uf.DF, Eb, Length, "07479879001010"),
        .. Bad(Uf.DF, St("IEDistritoFederalValidatorTest.java"), CheckDigit, "0740873800251", "0740873800240"),
        // ES
        .. Bad(Uf.ES, Eb, CheckDigit, "082376121", "082106021", "082467671", "082169711", "082585301", "082588571"),
        .. Bad(Uf.ES, Eb, Length, "0825885710"),
        .. Bad(Uf.ES, St("IEEspiritoSantoValidatorTest.java"), CheckDigit, "082223540"),
        // GO: 101031131 is brazilian-utils' r = 0 bug; 110944021 is accepted by Stella only.
        .. Bad(Uf.GO, Eb, CheckDigit, "103450591", "104197631", "104345191", "104455571", "104555271"),
        .. Bad(Uf.GO, Eb, Length, "1045552710"),
        .. Bad(Uf.GO, St("IEGoiasValidatorTest.java"), CheckDigit, "109876542", "110944021"),
        .. Bad(Uf.GO, Registry, CheckDigit, "101031131"),
        .. Bad(Uf.GO, Bu("go.test.ts"), CheckDigit, "109161794"),
        .. Bad(Uf.GO, Bu("go.test.ts"), Prefix, "121031131"),
        .. Bad(Uf.GO, Bu("go.test.ts"), Length, "0101030940"),
        // MA
        .. Bad(Uf.MA, Eb, CheckDigit, "121498291", "122045040", "123214281", "123110131", "123170521", "121530061"),
        .. Bad(Uf.MA, Eb, Length, "1215300610"),
        .. Bad(Uf.MA, St("IEMaranhaoValidatorTest.java"), CheckDigit, "120000386"),
        // MG
        .. Bad(Uf.MG, Eb, CheckDigit, "2615950220091", "7000547460061", "3519900270001", "0621828520091", "5780297160001", "0620297160291"),
        .. Bad(Uf.MG, Eb, Length, "06202971602910"),
        .. Bad(Uf.MG, St("IEMinasGeraisValidatorTest.java"), CheckDigit, "062.307.904/0045", "0623079040071", "0623079040085"),
        .. Bad(Uf.MG, St("IEMinasGeraisValidatorTest.java"), Length, "623079040081", "06230790400814"),
        .. Bad(Uf.MG, St("IEMinasGeraisValidatorTest.java"), Characters, "0623079*40081"),
        // MS
        .. Bad(Uf.MS, Eb, CheckDigit, "283370641", "283238931", "283235561", "283167161", "283267081", "283352121"),
        .. Bad(Uf.MS, Eb, Length, "2833521210"),
        .. Bad(Uf.MS, St("IEMatoGrossoDoSulValidatorTest.java"), CheckDigit, "283037591"),
        // MT: 12345678901 is expected valid by brazilian-utils/dotnet (REGISTRY.md), but its DV is wrong.
        .. Bad(Uf.MT, Eb, CheckDigit, "00133337411", "00133110021", "00132040541", "00133095611", "00132390321", "00131235461", "00132465711"),
        .. Bad(Uf.MT, Eb, Length, "001324657110"),
        .. Bad(Uf.MT, St("IEMatoGrossoValidatorTest.java"), CheckDigit, "132002758"),
        .. Bad(Uf.MT, Registry, CheckDigit, "12345678901"),
        // PA: 80 and 74 are outside both 15 and the tolerated 75–79.
        .. Bad(Uf.PA, Eb, CheckDigit, "151925940", "152336261", "152355651", "151386350", "153646720", "152346911"),
        .. Bad(Uf.PA, Eb, Length, "1523469110"),
        .. Bad(Uf.PA, Eb, Prefix, "801234565", "741234564"),
        .. Bad(Uf.PA, St("IEParaValidatorTest.java"), CheckDigit, "159999999"),
        // PB
        .. Bad(Uf.PB, Eb, CheckDigit, "161435941", "161462711", "161455741", "161349241", "161427451", "160506321"),
        .. Bad(Uf.PB, Eb, Length, "1605063210"),
        .. Bad(Uf.PB, St("IEParaibaValidatorTest.java"), CheckDigit, "160000018"),
        .. Bad(Uf.PB, Bu("pb.test.ts"), CheckDigit, "853511943"),
        // PE
        .. Bad(Uf.PE, Eb, CheckDigit, "027693361", "18171203059321", "029748001", "18171001920080", "030374521"),
        .. Bad(Uf.PE, Eb, Length, "0303745210"),
        .. Bad(Uf.PE, St("IEPernambucoAntigaValidatorTest.java"), CheckDigit, "18100100000048"),
        .. Bad(Uf.PE, St("IEPernambucoAntigaValidatorTest.java"), Length, "1810010000049", "181001000000495"),
        .. Bad(Uf.PE, St("IEPernambucoAntigaValidatorTest.java"), Characters, "181001a0000049"),
        .. Bad(Uf.PE, St("IEPernambucoNovaValidatorTest.java"), CheckDigit, "032141870", "032141841"),
        .. Bad(Uf.PE, St("IEPernambucoNovaValidatorTest.java"), Length, "03241840", "0321418406"),
        .. Bad(Uf.PE, St("IEPernambucoNovaValidatorTest.java"), Characters, "032141s840"),
        // PI
        .. Bad(Uf.PI, Eb, CheckDigit, "169609151", "194549991", "194661051", "194507681", "194010401"),
        .. Bad(Uf.PI, Eb, Length, "1940104010"),
        .. Bad(Uf.PI, St("IEPiauiValidatorTest.java"), CheckDigit, "193016560"),
        // PR
        .. Bad(Uf.PR, Eb, CheckDigit, "4100161411", "9020581251", "1011473550", "1010586971", "9053527171"),
        .. Bad(Uf.PR, Eb, Length, "90535271710"),
        .. Bad(Uf.PR, St("IEParanaValidatorTest.java"), CheckDigit, "1234567860", "1234567859"),
        // RJ: 11004249 is expected valid by brazilian-utils/dotnet (REGISTRY.md), but its DV is wrong.
        .. Bad(Uf.RJ, Eb, CheckDigit, "78890161", "78724991", "78205351", "85190880", "78860051", "78873651"),
        .. Bad(Uf.RJ, Eb, Length, "788736510"),
        .. Bad(Uf.RJ, St("IERioDeJaneiroValidatorTest.java"), CheckDigit, "78.045.304", "78045303"),
        .. Bad(Uf.RJ, St("IERioDeJaneiroValidatorTest.java"), Characters, "7a045302"),
        .. Bad(Uf.RJ, St("IERioDeJaneiroValidatorTest.java"), Length, "1234567", "123456789"),
        .. Bad(Uf.RJ, Registry, CheckDigit, "11004249"),
        .. Bad(Uf.RJ, Bu("rj.test.ts"), CheckDigit, "20441620"),
        // RN
        .. Bad(Uf.RN, Eb, CheckDigit, "200887891", "200395141", "200653011", "201199350", "2074337761", "2010665161", "2075778441"),
        .. Bad(Uf.RN, Eb, Length, "20757784410"),
        .. Bad(Uf.RN, St("IERioGrandeDoNorteValidatorTest.java"), CheckDigit, "200400400", "2000400403"),
        .. Bad(Uf.RN, St("IERioGrandeDoNorteValidatorTest.java"), Characters, "2004a0401"),
        .. Bad(Uf.RN, St("IERioGrandeDoNorteValidatorTest.java"), Length, "20040040", "20004004005"),
        // RO
        .. Bad(Uf.RO, Eb, CheckDigit, "00000001656551", "00000001499391", "00000001727111", "00000002999271", "00000001765930"),
        .. Bad(Uf.RO, Eb, Length, "000000017659301"),
        .. Bad(Uf.RO, St("IERondoniaValidatorTest.java"), CheckDigit, "00000001721489"),
        // RR
        .. Bad(Uf.RR, Eb, CheckDigit, "240151301", "240042101", "240128121", "240146371", "240018111", "240106211", "240003911"),
        .. Bad(Uf.RR, Eb, Length, "2400039110"),
        .. Bad(Uf.RR, St("IERoraimaValidatorTest.java"), CheckDigit, "24004145-8", "240017555"),
        .. Bad(Uf.RR, St("IERoraimaValidatorTest.java"), Characters, "2400175e6"),
        .. Bad(Uf.RR, St("IERoraimaValidatorTest.java"), Length, "24007556", "2400175564"),
        // RS
        .. Bad(Uf.RS, Eb, CheckDigit, "0240130110", "0963376211", "0290289001", "1240237331", "0570120201", "0962655441", "0962003671"),
        .. Bad(Uf.RS, Eb, Length, "09620036710"),
        .. Bad(Uf.RS, St("IERioGrandeDoSulValidatorTest.java"), CheckDigit, "224/3658793"),
        .. Bad(Uf.RS, St("IERioGrandeDoSulValidatorTest.java"), Length, "123456789", "12345678901"),
        // SC
        .. Bad(Uf.SC, Eb, CheckDigit, "255830691", "253952661", "253967621", "254086581", "252625081", "251083111", "251130481"),
        .. Bad(Uf.SC, Eb, Length, "2511304810"),
        .. Bad(Uf.SC, St("IESantaCatarinaValidatorTest.java"), CheckDigit, "251.040.858", "251040859"),
        .. Bad(Uf.SC, St("IESantaCatarinaValidatorTest.java"), Length, "25140852", "2510405852"),
        // SE
        .. Bad(Uf.SE, Eb, CheckDigit, "271126971", "271233641", "271200631", "270622021", "271307981"),
        .. Bad(Uf.SE, Eb, Length, "2713079810"),
        .. Bad(Uf.SE, St("IESergipeValidatorTest.java"), CheckDigit, "27123456-4", "271234562"),
        .. Bad(Uf.SE, St("IESergipeValidatorTest.java"), Characters, "27123456a3"),
        .. Bad(Uf.SE, St("IESergipeValidatorTest.java"), Length, "27123453", "2712345638"),
        // SP
        .. Bad(Uf.SP, Eb, CheckDigit, "692015742111", "645274188111", "645169551111", "649005952110"),
        .. Bad(Uf.SP, Eb, Length, "P0450983521110"),
        .. Bad(Uf.SP, St("IESaoPauloComercioIndustriaValidatorTest.java"), CheckDigit, "110042490104", "110042490118"),
        .. Bad(Uf.SP, St("IESaoPauloComercioIndustriaValidatorTest.java"), Characters, "1234567a9012"),
        .. Bad(Uf.SP, St("IESaoPauloComercioIndustriaValidatorTest.java"), Length, "12345678901", "1234567890123"),
        .. Bad(Uf.SP, St("IESaoPauloProdutorRuralValidatorTest.java"), CheckDigit, "P011004245002"),
        .. Bad(Uf.SP, St("IESaoPauloProdutorRuralValidatorTest.java"), Characters, "P12345678*012", "Q-01100424.3/002"),
        .. Bad(Uf.SP, St("IESaoPauloProdutorRuralValidatorTest.java"), Length, "P12345678901", "P1234567890123"),
        // TO
        .. Bad(Uf.TO, Eb, CheckDigit, "290921014", "293799491", "290737544", "990655293", "693742782"),
        .. Bad(Uf.TO, Eb, Length, "6937427820"),
        .. Bad(Uf.TO, St("IETocantinsAntigaValidatorTest.java"), CheckDigit, "29010227830"),
        .. Bad(Uf.TO, St("IETocantinsNovaValidatorTest.java"), CheckDigit, "290406360"),
        .. Bad(Uf.TO, Bu("to.test.ts"), RegistryCodes.Range, "01047737427"),
        .. Bad(Uf.TO, Bu("to.test.ts"), CheckDigit, "99999916598", "294467690"),
        .. Bad(Uf.TO, Bu("to.test.ts"), Length, "099999916599"),
    ];

    public static TheoryData<Uf, string, string> ValidRows => Rows(Valid);

    public static TheoryData<Uf, string, string> DoubtfulRows => Rows(Doubtful);

    public static TheoryData<Uf, string, string, string> RejectedRows
    {
        get
        {
            var rows = new TheoryData<Uf, string, string, string>();
            foreach (var d in Rejected)
                rows.Add(d.Uf, d.Value, d.Code, d.Source);
            return rows;
        }
    }

    private static TheoryData<Uf, string, string> Rows(IEnumerable<Example> examples)
    {
        var rows = new TheoryData<Uf, string, string>();
        foreach (var e in examples)
            rows.Add(e.Uf, e.Value, e.Source);
        return rows;
    }
}
