<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AppsPage</name>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="70"/>
        <source>Let other programs on this computer translate with Palavra: CAT tools, browser extensions and editors that can use a LibreTranslate server. Everything still stays on this computer.</source>
        <extracomment>How long the server may take to finish in-flight requests when stopped (it answers the rest 503).</extracomment>
        <translation>Permita que outros programas deste computador traduzam com o Palavra: ferramentas CAT, extensões do navegador e editores que usam um servidor LibreTranslate. Tudo continua neste computador.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="80"/>
        <location filename="../../desktop/pages/apps_page.py" line="105"/>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="82"/>
        <source>Also allow other computers on my network (needs the key)</source>
        <translation>Permitir também outros computadores da minha rede (exige a chave)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="86"/>
        <location filename="../../desktop/pages/apps_page.py" line="111"/>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="88"/>
        <source>New key</source>
        <translation>Nova chave</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="89"/>
        <source>Copy key</source>
        <translation>Copiar chave</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="90"/>
        <source>Require the key on this computer too</source>
        <translation>Exigir a chave também neste computador</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="95"/>
        <source>Server address</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="96"/>
        <source>Copy address</source>
        <translation>Copiar endereço</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="97"/>
        <location filename="../../desktop/pages/apps_page.py" line="255"/>
        <source>Start server</source>
        <translation>Iniciar servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="255"/>
        <source>Stop server</source>
        <translation>Parar servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="103"/>
        <source>Translation server (LibreTranslate API)</source>
        <translation>Servidor de tradução (API LibreTranslate)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="116"/>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="122"/>
        <source>Connecting a program</source>
        <translation>Como conectar um programa</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="126"/>
        <source>1. Start the server.
2. In the other program, choose LibreTranslate as the translation service (in some it is called “custom LibreTranslate server”).
3. Paste the address above as the server URL, and the key if it asks for one.
4. Choose English and Portuguese as the languages. Your glossaries can be used by programs that send the extra field “glossary”.</source>
        <translation>1. Inicie o servidor.
2. No outro programa, escolha LibreTranslate como serviço de tradução (em alguns ele se chama “servidor LibreTranslate personalizado”).
3. Cole o endereço acima como URL do servidor e, se ele pedir, a chave.
4. Escolha inglês e português como idiomas. Seus glossários podem ser usados por programas que enviam o campo extra “glossary”.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="193"/>
        <source>Port {0} is used by another program. Choose another port.</source>
        <translation>A porta {0} está sendo usada por outro programa. Escolha outra porta.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="211"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="217"/>
        <source>Stopping…</source>
        <translation>Parando…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="228"/>
        <source>Running. Programs can connect now.</source>
        <translation>Em execução. Os programas já podem se conectar.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="242"/>
        <source>The server stopped: {0}</source>
        <translation>O servidor parou: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="244"/>
        <source>Stopped.</source>
        <translation>Parado.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/apps_page.py" line="250"/>
        <source>The server could not be started.</source>
        <translation>Não foi possível iniciar o servidor.</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="52"/>
        <source>spelling</source>
        <translation>ortografia</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="53"/>
        <source>grammar</source>
        <translation>gramática</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="54"/>
        <source>agreement</source>
        <translation>concordância</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="55"/>
        <source>verb form</source>
        <translation>forma verbal</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="56"/>
        <source>word choice</source>
        <translation>escolha de palavras</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="57"/>
        <source>capitalization</source>
        <translation>maiúsculas</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="58"/>
        <source>punctuation</source>
        <translation>pontuação</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="59"/>
        <source>typography</source>
        <translation>tipografia</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="60"/>
        <source>style</source>
        <translation>estilo</translation>
    </message>
</context>
<context>
    <name>CorrectPage</name>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="94"/>
        <source>Detect automatically</source>
        <translation>Detectar automaticamente</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="98"/>
        <source>Detected language</source>
        <translation>Idioma detectado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="273"/>
        <source>English</source>
        <translation>Inglês</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="274"/>
        <source>English (UK)</source>
        <translation>Inglês (Reino Unido)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="275"/>
        <source>Portuguese (Brazil)</source>
        <translation>Português (Brasil)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="276"/>
        <source>Portuguese (Portugal)</source>
        <translation>Português (Portugal)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="286"/>
        <source>Detected: {0}</source>
        <translation>Detectado: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="139"/>
        <source>Level estimate</source>
        <translation>Estimativa de nível</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="294"/>
        <source>Level (estimate): {0} · {1} corrections per 100 words</source>
        <translation>Nível (estimativa): {0} · {1} correções por 100 palavras</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="299"/>
        <source>most frequent: {0}</source>
        <translation>mais frequentes: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="303"/>
        <source>From the vocabulary, the length of the sentences and the corrections; a guide, not a test.</source>
        <translation>Pelo vocabulário, pelo tamanho das frases e pelas correções; uma orientação, não uma prova.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="287"/>
        <source>Choose the language in the list if this is wrong.</source>
        <translation>Se estiver errado, escolha o idioma na lista.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="99"/>
        <source>Check</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="102"/>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="104"/>
        <source>Language of the text</source>
        <translation>Idioma do texto</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="112"/>
        <source>Write here; mistakes are underlined as you type.</source>
        <translation>Escreva aqui; os erros são sublinhados enquanto você digita.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="113"/>
        <source>Your text</source>
        <translation>Seu texto</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="120"/>
        <source>Corrections</source>
        <translation>Correções</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="129"/>
        <source>Accept</source>
        <translation>Aceitar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="132"/>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="135"/>
        <source>Accept all</source>
        <translation>Aceitar todas</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="265"/>
        <source>Checking is not available: {0}</source>
        <translation>A verificação não está disponível: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="319"/>
        <source>{0} corrections</source>
        <translation>{0} correções</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="324"/>
        <source>No mistakes found.</source>
        <translation>Nenhum erro encontrado.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/correct_page.py" line="361"/>
        <source>Other suggestions: {0}</source>
        <translation>Outras sugestões: {0}</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="46"/>
        <source>less than a minute left</source>
        <translation>falta menos de um minuto</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="48"/>
        <source>about {0} min left</source>
        <translation>faltam cerca de {0} min</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="109"/>
        <source>No document yet.</source>
        <translation>Nenhum documento ainda.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_choices.py" line="48"/>
        <source>The translation model (an adapted model knows your field&apos;s words)</source>
        <extracomment>``() -&gt; (source, target)``: the language pair chosen on the page.</extracomment>
        <translation>O modelo de tradução (um modelo adaptado conhece as palavras da sua área)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_choices.py" line="52"/>
        <location filename="../../desktop/pages/document_choices.py" line="58"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_choices.py" line="53"/>
        <source>Use glossary</source>
        <translation>Usar glossário</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_choices.py" line="55"/>
        <source>Glossary</source>
        <translation>Glossário</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="117"/>
        <source>Translate document</source>
        <translation>Traduzir documento</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="121"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="128"/>
        <source>Show in folder</source>
        <translation>Mostrar na pasta</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="131"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="131"/>
        <source>Translation</source>
        <translation>Tradução</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="136"/>
        <source>Preview of the translation</source>
        <translation>Prévia da tradução</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="140"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="142"/>
        <source>to</source>
        <translation>para</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="157"/>
        <source>The translation is saved next to the original, with the language before the extension (talk.srt → talk.pt.srt). Subtitle timings, paragraphs, tables, styles, bold and italic words and links are kept; code is not translated. A PDF&apos;s text is saved as a Word document.</source>
        <translation>A tradução é salva ao lado do original, com o idioma antes da extensão (talk.srt → talk.pt.srt). Os tempos das legendas, os parágrafos, as tabelas, os estilos, as palavras em negrito e itálico e os links são mantidos; o código não é traduzido. O texto de um PDF é salvo como documento do Word.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="241"/>
        <source>The text of this PDF will be saved as a Word document (.docx); its layout is not kept.</source>
        <translation>O texto deste PDF será salvo como documento do Word (.docx); o layout do PDF não é mantido.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="195"/>
        <source>Open a document</source>
        <translation>Abrir um documento</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="197"/>
        <source>Documents ({0});;All files (*)</source>
        <translation>Documentos ({0});;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="205"/>
        <source>A document is being translated; cancel it first.</source>
        <translation>Um documento está sendo traduzido; cancele-o primeiro.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="220"/>
        <source>Reading {0}…</source>
        <translation>Lendo {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="233"/>
        <source>&apos;{0}&apos; has no text to translate.</source>
        <translation>&apos;{0}&apos; não tem texto para traduzir.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="19"/>
        <source>text</source>
        <extracomment>The suffixes offered in the file dialog (the engine says which it reads: ``engine.documents.SUPPORTED_SUFFIXES``).</extracomment>
        <translation>texto</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="20"/>
        <location filename="../../desktop/pages/document_messages.py" line="21"/>
        <source>subtitles</source>
        <translation>legendas</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="22"/>
        <source>Word document</source>
        <translation>documento do Word</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="23"/>
        <source>web page</source>
        <translation>página da web</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="24"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="25"/>
        <source>OpenDocument text</source>
        <translation>texto OpenDocument</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="26"/>
        <source>PowerPoint presentation</source>
        <translation>apresentação do PowerPoint</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="27"/>
        <source>EPUB book</source>
        <translation>livro EPUB</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="28"/>
        <source>XLIFF exchange file</source>
        <translation>arquivo de intercâmbio XLIFF</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="29"/>
        <source>PDF text</source>
        <translation>texto de PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="39"/>
        <source>&apos;{0}&apos; is not UTF-8 text. Save it as UTF-8 and try again.</source>
        <translation>&apos;{0}&apos; não é texto UTF-8. Salve-o como UTF-8 e tente de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="43"/>
        <source>Palavra cannot translate &apos;{0}&apos;: it reads text, subtitles (.srt, .vtt), Word (.docx), web pages, Markdown, OpenDocument (.odt), PowerPoint (.pptx), EPUB, XLIFF and PDF files.</source>
        <translation>O Palavra não consegue traduzir &apos;{0}&apos;: ele lê arquivos de texto, legendas (.srt, .vtt), Word (.docx), páginas da web, Markdown, OpenDocument (.odt), PowerPoint (.pptx), EPUB, XLIFF e PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="48"/>
        <source>The file &apos;{0}&apos; does not exist any more.</source>
        <translation>O arquivo &apos;{0}&apos; não existe mais.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="49"/>
        <source>Palavra cannot read &apos;{0}&apos;. Check that you may open it.</source>
        <translation>O Palavra não consegue ler &apos;{0}&apos;. Verifique se você tem permissão para abri-lo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="52"/>
        <source>&apos;{0}&apos; is a folder, not a document.</source>
        <translation>&apos;{0}&apos; é uma pasta, não um documento.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="53"/>
        <source>&apos;{0}&apos; is too large (more than 10 MB). Split it into smaller files.</source>
        <translation>&apos;{0}&apos; é grande demais (mais de 10 MB). Divida-o em arquivos menores.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="56"/>
        <source>&apos;{0}&apos; is not a text file.</source>
        <translation>&apos;{0}&apos; não é um arquivo de texto.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="57"/>
        <source>&apos;{0}&apos; has no subtitle timings: it is not a subtitle file.</source>
        <translation>&apos;{0}&apos; não tem tempos de legenda: não é um arquivo de legendas.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="60"/>
        <source>&apos;{0}&apos; is protected by a password. Save an unprotected copy and open that.</source>
        <translation>&apos;{0}&apos; está protegido por senha. Salve uma cópia sem proteção e abra essa cópia.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="63"/>
        <source>&apos;{0}&apos; has no text to read: its pages may be scanned pictures. Palavra reads the text of PDFs, not pictures of text.</source>
        <translation>&apos;{0}&apos; não tem texto para ler: as páginas podem ser imagens digitalizadas. O Palavra lê o texto de PDFs, não imagens de texto.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="68"/>
        <source>The translation cannot be written over the original &apos;{0}&apos;.</source>
        <translation>A tradução não pode ser gravada por cima do original &apos;{0}&apos;.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="71"/>
        <source>&apos;{0}&apos; exists already; it was not replaced.</source>
        <translation>&apos;{0}&apos; já existe; não foi substituído.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_messages.py" line="72"/>
        <source>&apos;{0}&apos; cannot be read: it may be damaged, or not the kind its name says.</source>
        <translation>Não foi possível ler &apos;{0}&apos;: ele pode estar danificado ou não ser do tipo que o nome indica.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="245"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; — {1}, {2} segments, {3} characters</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — {1}, {2} segmentos, {3} caracteres</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_choices.py" line="100"/>
        <source>Active model ({0})</source>
        <translation>Modelo ativo ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_choices.py" line="102"/>
        <source>Active model</source>
        <translation>Modelo ativo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_choices.py" line="106"/>
        <source>adapted</source>
        <translation>adaptado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_choices.py" line="107"/>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/document_choices.py" line="108"/>
        <source>built in</source>
        <translation>incluído</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="279"/>
        <source>Choose two different languages.</source>
        <translation>Escolha dois idiomas diferentes.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="318"/>
        <source>Starting…</source>
        <translation>Começando…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="346"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="376"/>
        <source>Done in {0:.0f} s</source>
        <translation>Concluído em {0:.0f} s</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="377"/>
        <source>Saved as {0}</source>
        <translation>Salvo como {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="417"/>
        <source>Cancelled; nothing was written.</source>
        <extracomment>rows shown in the preview</extracomment>
        <translation>Cancelado; nada foi gravado.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="328"/>
        <source>The translation exists already</source>
        <translation>A tradução já existe</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="329"/>
        <source>&apos;{0}&apos; exists already. Replace it, or keep both files?</source>
        <translation>&apos;{0}&apos; já existe. Substituir, ou manter os dois arquivos?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="330"/>
        <source>Replace</source>
        <translation>Substituir</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="331"/>
        <source>Keep both</source>
        <translation>Manter os dois</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="363"/>
        <source>{0} of {1} sentences</source>
        <translation>{0} de {1} frases</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="63"/>
        <source>Drop a document here
(.txt .srt .vtt .docx .html .md .odt .pptx .epub .xliff .pdf)</source>
        <translation>Solte aqui um documento
(.txt .srt .vtt .docx .html .md .odt .pptx .epub .xliff .pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/documents_page.py" line="70"/>
        <source>Open file…</source>
        <translation>Abrir arquivo…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/common.py" line="39"/>
        <source>This part of Palavra is not installed yet ({0}).</source>
        <translation>Esta parte do Palavra ainda não está instalada ({0}).</translation>
    </message>
    <message>
        <location filename="../../desktop/common.py" line="43"/>
        <source>Not enough memory to finish. Close other programs and retry.</source>
        <translation>Memória insuficiente para terminar. Feche outros programas e tente de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/common.py" line="46"/>
        <source>Something went wrong ({0}). The details are in the log.</source>
        <translation>Algo deu errado ({0}). Os detalhes estão no registro.</translation>
    </message>
</context>
<context>
    <name>ExercisesPanel</name>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="61"/>
        <source>Exercise</source>
        <extracomment>the placement test chose a level to start at</extracomment>
        <translation>Exercício</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="88"/>
        <source>Listen</source>
        <translation>Ouvir</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="90"/>
        <source>Type your answer and press Enter</source>
        <translation>Digite sua resposta e pressione Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="91"/>
        <source>Your answer</source>
        <translation>Sua resposta</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="92"/>
        <source>Check</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="93"/>
        <source>Next (skip)</source>
        <translation>Próxima (pular)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="127"/>
        <source>A word to learn</source>
        <translation>Uma palavra a aprender</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="129"/>
        <source>Its meaning</source>
        <translation>Significado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="130"/>
        <source>Add to my words</source>
        <translation>Adicionar às minhas palavras</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="204"/>
        <source>Listen, then write what you hear.</source>
        <translation>Ouça e escreva o que você ouvir.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="211"/>
        <source>Write this in the language you practise.</source>
        <translation>Escreva isto na língua que você pratica.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="212"/>
        <source>What does it mean? Example: {0}</source>
        <translation>O que significa? Exemplo: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="214"/>
        <source>What does it mean?</source>
        <translation>O que significa?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="220"/>
        <source>review</source>
        <translation>revisão</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="241"/>
        <source>Type an answer first.</source>
        <translation>Digite uma resposta primeiro.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="299"/>
        <source>Added to your words.</source>
        <translation>Adicionada às suas palavras.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="299"/>
        <source>Already in your words.</source>
        <translation>Já está nas suas palavras.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="322"/>
        <source>Question {0} of {1}</source>
        <translation>Pergunta {0} de {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="348"/>
        <source>beginner</source>
        <translation>principiante</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="349"/>
        <source>Your level: {0}</source>
        <translation>Seu nível: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="350"/>
        <source>Practice now starts at level {0}.</source>
        <translation>A prática agora começa no nível {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/exercises_panel.py" line="352"/>
        <source>{0}: {1} of {2}</source>
        <translation>{0}: {1} de {2}</translation>
    </message>
</context>
<context>
    <name>FineTuneWizard</name>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="581"/>
        <source>Adapt a model to a glossary</source>
        <translation>Adaptar um modelo a um glossário</translation>
    </message>
</context>
<context>
    <name>GlossaryEditor</name>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="75"/>
        <location filename="../../desktop/glossary_editor.py" line="266"/>
        <source>Glossary: {0}</source>
        <extracomment>every change sent has been answered (saved or refused)</extracomment>
        <translation>Glossário: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="80"/>
        <source>e.g. medical, legal (optional)</source>
        <translation>ex.: médico, jurídico (opcional)</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="83"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="84"/>
        <source>Domain</source>
        <translation>Área</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="85"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="88"/>
        <source>Filter terms, alternatives and notes…</source>
        <translation>Filtrar termos, alternativas e notas…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="90"/>
        <source>Loading the entries…</source>
        <translation>Carregando as entradas…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="91"/>
        <source>Delete entry…</source>
        <translation>Excluir entrada…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="93"/>
        <location filename="../../desktop/glossary_editor.py" line="121"/>
        <source>Source term</source>
        <translation>Termo de origem</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="93"/>
        <location filename="../../desktop/glossary_editor.py" line="123"/>
        <source>Target term</source>
        <translation>Termo de destino</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="93"/>
        <source>Alternatives</source>
        <translation>Alternativas</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="93"/>
        <location filename="../../desktop/glossary_editor.py" line="127"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="117"/>
        <source>Other accepted target terms, separated by ;</source>
        <translation>Outros termos de destino aceitos, separados por ;</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="125"/>
        <source>Alternatives (separate with ;)</source>
        <translation>Alternativas (separe com ;)</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="128"/>
        <source>Add entry</source>
        <translation>Adicionar entrada</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="129"/>
        <source>New entry</source>
        <translation>Nova entrada</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="136"/>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="139"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="268"/>
        <source>Renamed to &apos;{0}&apos;.</source>
        <translation>Renomeado para &apos;{0}&apos;.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="270"/>
        <source>Domain saved.</source>
        <translation>Domínio salvo.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="296"/>
        <source>Not saved: {0} The cell keeps what you typed until you correct it.</source>
        <translation>Não salvo: {0} A célula mantém o que você digitou até que você o corrija.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="328"/>
        <source>Added &apos;{0}&apos;.</source>
        <translation>&apos;{0}&apos; adicionado.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="353"/>
        <source>Delete the entry &apos;{0}&apos; → &apos;{1}&apos;?</source>
        <translation>Excluir a entrada &apos;{0}&apos; → &apos;{1}&apos;?</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="355"/>
        <source>Delete these {0} entries?</source>
        <translation>Excluir estas {0} entradas?</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="358"/>
        <source>Delete entries</source>
        <translation>Excluir entradas</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="385"/>
        <source>Deleted &apos;{0}&apos;.</source>
        <translation>&apos;{0}&apos; excluído.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="387"/>
        <source>Deleted {0} entries.</source>
        <translation>{0} entradas excluídas.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="399"/>
        <source>{0} of {1} entries</source>
        <translation>{0} de {1} entradas</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="401"/>
        <source>1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="403"/>
        <source>{0} entries</source>
        <translation>{0} entradas</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="422"/>
        <source>The new name or domain could not be saved. Close and lose it?</source>
        <translation>O novo nome ou área não pôde ser salvo. Fechar e perdê-lo?</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="426"/>
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary_editor.py" line="419"/>
        <source>{0} changed entries could not be saved (shown in red). Close and lose those changes?</source>
        <translation>{0} entradas alteradas não puderam ser salvas (em vermelho). Fechar e perder essas alterações?</translation>
    </message>
</context>
<context>
    <name>GlossaryImportDialog</name>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="69"/>
        <source>Import a glossary</source>
        <translation>Importar um glossário</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="75"/>
        <source>e.g. medical, legal (optional)</source>
        <translation>ex.: médico, jurídico (opcional)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="77"/>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="78"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="79"/>
        <source>Direction</source>
        <translation>Direção</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="80"/>
        <source>Domain</source>
        <translation>Área</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="56"/>
        <location filename="../../desktop/finetune_wizard.py" line="71"/>
        <source>Glossary</source>
        <translation>Glossário</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="57"/>
        <source>Choose a glossary, or import a CSV, TSV or TBX term list.</source>
        <translation>Escolha um glossário ou importe uma lista de termos CSV, TSV ou TBX.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="60"/>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="66"/>
        <source>e.g. medical, legal (optional)</source>
        <translation>ex.: médico, jurídico (opcional)</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="72"/>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="73"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="74"/>
        <source>Direction</source>
        <translation>Direção</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="75"/>
        <source>Domain</source>
        <translation>Domínio</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="86"/>
        <source>Import a new glossary from a file</source>
        <translation>Importar um novo glossário de um arquivo</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="97"/>
        <source>Import a glossary</source>
        <translation>Importar um glossário</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="99"/>
        <source>Term lists (*.csv *.tsv *.txt *.tbx);;All files (*)</source>
        <translation>Listas de termos (*.csv *.tsv *.txt *.tbx);;Todos os arquivos (*)</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <location filename="../../desktop/common.py" line="25"/>
        <source>English</source>
        <translation>Inglês</translation>
    </message>
    <message>
        <location filename="../../desktop/common.py" line="26"/>
        <source>Portuguese</source>
        <translation>Português</translation>
    </message>
    <message>
        <location filename="../../desktop/common.py" line="27"/>
        <source>Portuguese (Brazil)</source>
        <translation>Português (Brasil)</translation>
    </message>
    <message>
        <location filename="../../desktop/common.py" line="28"/>
        <source>Portuguese (Portugal)</source>
        <translation>Português (Portugal)</translation>
    </message>
    <message>
        <location filename="../../desktop/common.py" line="29"/>
        <source>Detect language</source>
        <translation>Detectar idioma</translation>
    </message>
</context>
<context>
    <name>LevelHistory</name>
    <message>
        <location filename="../../desktop/level_history.py" line="93"/>
        <source>Your writing over time</source>
        <translation>Sua escrita ao longo do tempo</translation>
    </message>
    <message>
        <location filename="../../desktop/level_history.py" line="108"/>
        <source>Your writing in {0}</source>
        <translation>Sua escrita ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/level_history.py" line="110"/>
        <source>Level of your last {0} texts (since {1}): {2}</source>
        <translation>Nível dos seus últimos {0} textos (desde {1}): {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/level_history.py" line="115"/>
        <source>Most frequent mistakes lately: {0}</source>
        <translation>Erros mais frequentes ultimamente: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/level_history.py" line="118"/>
        <source>One point per text you checked (of a dozen words or more); the estimate is a guide.</source>
        <translation>Um ponto por texto verificado (de uma dúzia de palavras ou mais); a estimativa é uma orientação.</translation>
    </message>
</context>
<context>
    <name>LevelLine</name>
    <message>
        <location filename="../../desktop/level_history.py" line="31"/>
        <source>Levels of your recent texts</source>
        <extracomment>The line shows this many checks at most (the latest on the right). Horizontal distance between two checks on the line at most (px).</extracomment>
        <translation>Níveis dos seus textos recentes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="64"/>
        <source>Translate</source>
        <extracomment>Wait after start before building the other pages in the background (ms).</extracomment>
        <translation>Traduzir</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="65"/>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="66"/>
        <source>Correct</source>
        <translation>Corrigir</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="67"/>
        <source>Practise</source>
        <translation>Praticar</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="68"/>
        <source>Glossaries &amp; models</source>
        <translation>Glossários e modelos</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="69"/>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="74"/>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="230"/>
        <source>Preparing the translation models for first use. This happens once.</source>
        <translation>Preparando os modelos de tradução para o primeiro uso. Isso acontece só uma vez.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="231"/>
        <source>Later</source>
        <translation>Depois</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="236"/>
        <source>Welcome to Palavra</source>
        <translation>Bem-vindo ao Palavra</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="258"/>
        <source>Models ready.</source>
        <translation>Modelos prontos.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="265"/>
        <source>Palavra</source>
        <translation>Palavra</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="270"/>
        <source>Models will be prepared when first used.</source>
        <translation>Os modelos serão preparados no primeiro uso.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="286"/>
        <source>Cancelling the document translation…</source>
        <translation>Cancelando a tradução do documento…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="70"/>
        <source>Other apps</source>
        <translation>Outros apps</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="288"/>
        <source>Stopping the translation server…</source>
        <translation>Parando o servidor de tradução…</translation>
    </message>
</context>
<context>
    <name>MetricsChart</name>
    <message>
        <location filename="../../desktop/metrics_chart.py" line="33"/>
        <source>term accuracy</source>
        <extracomment>(index in a point, colour) of each series: term accuracy, in-domain chrF++, general chrF++.</extracomment>
        <translation>acerto dos termos</translation>
    </message>
    <message>
        <location filename="../../desktop/metrics_chart.py" line="34"/>
        <source>chrF++ your sentences</source>
        <translation>chrF++ suas frases</translation>
    </message>
    <message>
        <location filename="../../desktop/metrics_chart.py" line="35"/>
        <source>chrF++ general</source>
        <translation>chrF++ geral</translation>
    </message>
    <message>
        <location filename="../../desktop/metrics_chart.py" line="58"/>
        <source>training time →</source>
        <translation>tempo de treino →</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="111"/>
        <source>Model</source>
        <extracomment>the glossary editor while it is open</extracomment>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="111"/>
        <location filename="../../desktop/pages/models_page.py" line="130"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="111"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="111"/>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="111"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="119"/>
        <source>Use this model</source>
        <translation>Usar este modelo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="120"/>
        <source>Import model folder…</source>
        <translation>Importar pasta de modelo…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="121"/>
        <source>Adapt a model to a glossary…</source>
        <translation>Adaptar um modelo a um glossário…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="125"/>
        <source>Adapting a model needs PyTorch, which this build does not include.</source>
        <translation>Adaptar um modelo requer o PyTorch, que esta versão não inclui.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="130"/>
        <source>Glossary</source>
        <translation>Glossário</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="130"/>
        <source>Terms</source>
        <translation>Termos</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="130"/>
        <source>Domain</source>
        <translation>Área</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="138"/>
        <source>Import glossary…</source>
        <translation>Importar glossário…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="139"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="141"/>
        <source>Rename the glossary, change its domain, edit its terms</source>
        <translation>Renomear o glossário, mudar o domínio, editar os termos</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="143"/>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="147"/>
        <source>&lt;b&gt;Translation models&lt;/b&gt;</source>
        <translation>&lt;b&gt;Modelos de tradução&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="156"/>
        <source>&lt;b&gt;Glossaries&lt;/b&gt; — terms a translation must use</source>
        <translation>&lt;b&gt;Glossários&lt;/b&gt; — termos que a tradução deve usar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="197"/>
        <source>base</source>
        <translation>base</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="197"/>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="197"/>
        <source>adapted</source>
        <translation>adaptado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="199"/>
        <source>active</source>
        <translation>ativo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="201"/>
        <source>prepared on first use</source>
        <translation>preparado no primeiro uso</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="263"/>
        <source>Choose a model folder</source>
        <translation>Escolha uma pasta de modelo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="269"/>
        <source>Importing the model…</source>
        <translation>Importando o modelo…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="269"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="289"/>
        <source>Imported {0}.</source>
        <translation>{0} importado.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="298"/>
        <source>Import cancelled.</source>
        <translation>Importação cancelada.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="309"/>
        <source>Import a glossary</source>
        <translation>Importar um glossário</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="311"/>
        <source>Glossaries (*.csv *.tsv *.txt *.tbx);;All files (*)</source>
        <translation>Glossários (*.csv *.tsv *.txt *.tbx);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="335"/>
        <source>Imported glossary &apos;{0}&apos; with {1} terms.</source>
        <translation>Glossário &apos;{0}&apos; importado com {1} termos.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="337"/>
        <source>{0} rows were left out (see the report).</source>
        <translation>{0} linhas foram deixadas de fora (veja o relatório).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="395"/>
        <source>Delete the glossary &apos;{0}&apos; and its only term?</source>
        <translation>Excluir o glossário &apos;{0}&apos; e seu único termo?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="397"/>
        <source>Delete the glossary &apos;{0}&apos; and its {1} terms?</source>
        <translation>Excluir o glossário &apos;{0}&apos; e seus {1} termos?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="400"/>
        <source>This cannot be undone. Models already adapted to it stay installed.</source>
        <translation>Isso não pode ser desfeito. Os modelos já adaptados a ele continuam instalados.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="403"/>
        <source>Delete glossary</source>
        <translation>Excluir glossário</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/models_page.py" line="419"/>
        <source>Deleted the glossary &apos;{0}&apos;.</source>
        <translation>Glossário &apos;{0}&apos; excluído.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="230"/>
        <source>Options</source>
        <translation>Opções</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="235"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="237"/>
        <source>Full fine-tuning (recommended for this small model)</source>
        <translation>Ajuste completo (recomendado para este modelo pequeno)</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="238"/>
        <source>LoRA adapters</source>
        <translation>Adaptadores LoRA</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="243"/>
        <source>Add translation memory…</source>
        <translation>Adicionar memória de tradução…</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="244"/>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="247"/>
        <source>Optional: your own translated sentences (TMX, XLIFF, TSV or CSV, as CAT tools export them). A tenth of them is kept aside to prove that the new model translates them better.</source>
        <translation>Opcional: suas próprias frases traduzidas (TMX, XLIFF, TSV ou CSV, como as ferramentas CAT exportam). Um décimo delas fica de fora do treino para provar que o novo modelo as traduz melhor.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="265"/>
        <source>Training time</source>
        <translation>Tempo de treino</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="266"/>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="267"/>
        <source>Translation memories</source>
        <translation>Memórias de tradução</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="278"/>
        <source>Adapting the model to &apos;{name}&apos;.</source>
        <translation>Adaptando o modelo a &apos;{name}&apos;.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="283"/>
        <source>Choose translation memories</source>
        <translation>Escolher memórias de tradução</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="315"/>
        <source>{kept} sentence pairs will be used, of {read} read.</source>
        <translation>Serão usados {kept} pares de frases, de {read} lidos.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="320"/>
        <source>{n} left out: one side is empty</source>
        <translation>{n} deixados de fora: um dos lados está vazio</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="321"/>
        <source>{n} left out: the same source sentence again</source>
        <translation>{n} deixados de fora: a mesma frase de origem repetida</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="322"/>
        <source>{n} left out: one side much longer than the other</source>
        <translation>{n} deixados de fora: um lado muito mais longo que o outro</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="323"/>
        <source>{n} left out: written in the other direction</source>
        <translation>{n} deixados de fora: escritos na direção oposta</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="324"/>
        <source>{n} with formatting codes, which were removed</source>
        <translation>{n} com códigos de formatação, que foram removidos</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="329"/>
        <source>Fewer than 40 pairs: too few to prove a gain, so the glossary decides.</source>
        <translation>Menos de 40 pares: poucos demais para provar um ganho, então o glossário decide.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="351"/>
        <source>This will take about {minutes:.0f} minutes on this computer. The new model is installed as &apos;{name}&apos; next to the current one, which stays unchanged, and only if it proves better.</source>
        <translation>Isto levará cerca de {minutes:.0f} minutos neste computador. O novo modelo é instalado como &apos;{name}&apos; ao lado do atual, que não muda, e só se provar ser melhor.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="356"/>
        <source>It learns from the glossary and {pairs} of your sentence pairs.</source>
        <translation>Ele aprende com o glossário e com {pairs} dos seus pares de frases.</translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message>
        <location filename="../../desktop/practice_labels.py" line="15"/>
        <source>travel</source>
        <translation>viagem</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="16"/>
        <source>food</source>
        <translation>comida</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="17"/>
        <source>health</source>
        <translation>saúde</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="18"/>
        <source>work</source>
        <translation>trabalho</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="19"/>
        <source>home</source>
        <translation>casa</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="20"/>
        <source>shopping</source>
        <translation>compras</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="21"/>
        <source>weather</source>
        <translation>tempo</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="22"/>
        <source>family</source>
        <translation>família</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="23"/>
        <source>leisure</source>
        <translation>lazer</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="24"/>
        <source>city</source>
        <translation>cidade</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="25"/>
        <source>study</source>
        <translation>estudo</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="26"/>
        <source>technology</source>
        <translation>tecnologia</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="27"/>
        <source>greetings</source>
        <translation>cumprimentos</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="35"/>
        <source>Speaking</source>
        <translation>Falar</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="36"/>
        <source>Dictation</source>
        <translation>Ditado</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="37"/>
        <source>Translation</source>
        <translation>Tradução</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="38"/>
        <source>Fill the gap</source>
        <translation>Preencher o espaço</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="39"/>
        <source>Word cards</source>
        <translation>Cartões de palavras</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="40"/>
        <source>Placement test</source>
        <translation>Teste de nível</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="48"/>
        <source>Voice: espeak-ng (robotic fallback voice)</source>
        <translation>Voz: espeak-ng (voz robótica reserva)</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="49"/>
        <source>Voice: {0} (synthetic neural voice)</source>
        <translation>Voz: {0} (voz neural sintética)</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="62"/>
        <source>Nothing was heard: speak a little louder and closer.</source>
        <translation>Não se ouviu nada: fale um pouco mais alto e mais perto.</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="66"/>
        <source>Listen again and work on {0}.</source>
        <translation>Ouça de novo e pratique {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="68"/>
        <source>Nearly there: say {0} more clearly.</source>
        <translation>Quase: diga {0} com mais clareza.</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="72"/>
        <source>Every word came through, with some extra words.</source>
        <translation>Todas as palavras se ouviram, com algumas a mais.</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="73"/>
        <source>Well said: every word came through.</source>
        <translation>Bem dito: todas as palavras se ouviram.</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="81"/>
        <source>Accepted: close to “{0}”.</source>
        <translation>Aceita: próxima de “{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="85"/>
        <source>Right!</source>
        <translation>Certo!</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="87"/>
        <source>Right words, check the accents: {0}.</source>
        <translation>Palavras certas, veja os acentos: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/practice_labels.py" line="90"/>
        <source>Not yet. The answer: “{0}”.</source>
        <translation>Ainda não. A resposta: “{0}”.</translation>
    </message>
</context>
<context>
    <name>PractisePage</name>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="98"/>
        <source>Practise</source>
        <translation>Praticar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="109"/>
        <source>Loading a sentence…</source>
        <translation>Carregando uma frase…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="126"/>
        <source>Listen (synthetic voice)</source>
        <translation>Ouvir (voz sintética)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="129"/>
        <source>A synthetic voice reads the sentence: listen for the rhythm, not for a native accent. (Ctrl+L)</source>
        <translation>Uma voz sintética lê a frase: ouça o ritmo, não espere um sotaque nativo. (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="133"/>
        <location filename="../../desktop/pages/practise_page.py" line="418"/>
        <source>Record</source>
        <translation>Gravar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="88"/>
        <source>All topics</source>
        <extracomment>the learner&apos;s last recording, kept in memory only, to replay it where recordings come from; ``None``: the microphone (tests and demos pass a recorded source)</extracomment>
        <translation>Todos os temas</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="91"/>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="93"/>
        <source>All levels</source>
        <translation>Todos os níveis</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="96"/>
        <source>Level</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="137"/>
        <source>Next sentence (skip)</source>
        <translation>Próxima frase (pular)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="144"/>
        <source>Microphone level</source>
        <translation>Nível do microfone</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="145"/>
        <source>Listening to your attempt…</source>
        <translation>Analisando sua tentativa…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="146"/>
        <source>Score a file…</source>
        <translation>Avaliar um arquivo…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="148"/>
        <source>Score a recording you made elsewhere (wav, flac, mp3, m4a, ogg)</source>
        <translation>Avaliar uma gravação feita em outro lugar (wav, flac, mp3, m4a, ogg)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="150"/>
        <source>Play my attempt</source>
        <translation>Ouvir a minha tentativa</translation>
    </message>
    <message>
        <location filename="../../desktop/attempt_view.py" line="35"/>
        <source>well said</source>
        <translation>bem dita</translation>
    </message>
    <message>
        <location filename="../../desktop/attempt_view.py" line="36"/>
        <source>almost</source>
        <translation>quase</translation>
    </message>
    <message>
        <location filename="../../desktop/attempt_view.py" line="37"/>
        <source>not right</source>
        <translation>incorreta</translation>
    </message>
    <message>
        <location filename="../../desktop/attempt_view.py" line="38"/>
        <source>missing</source>
        <translation>faltou</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="172"/>
        <source>Your progress</source>
        <translation>Seu progresso</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="192"/>
        <source>Speak</source>
        <translation>Falar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="193"/>
        <source>Exercises</source>
        <translation>Exercícios</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="194"/>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="253"/>
        <source>Speaking practice is not available.</source>
        <translation>A prática de fala não está disponível.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="279"/>
        <source>There is no sentence for that topic and level.</source>
        <translation>Não há frases para esse tema e nível.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="296"/>
        <source>Your first attempt in this language is the next one.</source>
        <translation>Sua primeira tentativa neste idioma é a próxima.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="299"/>
        <source>&lt;b&gt;Your progress&lt;/b&gt; · attempts: {0} · average score: {1:.0f} · sentences practised: {2} · due for review: {3}</source>
        <translation>&lt;b&gt;Seu progresso&lt;/b&gt; · tentativas: {0} · nota média: {1:.0f} · frases praticadas: {2} · para revisar: {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="304"/>
        <source>Words to work on: {0}</source>
        <translation>Palavras para treinar: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="351"/>
        <source>Score a recording</source>
        <translation>Avaliar uma gravação</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/practise_page.py" line="397"/>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <location filename="../../desktop/attempt_view.py" line="79"/>
        <source>Score out of 100</source>
        <translation>Nota de 0 a 100</translation>
    </message>
    <message>
        <location filename="../../desktop/attempt_view.py" line="83"/>
        <source>Heard: “{0}”</source>
        <translation>Ouvido: “{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/attempt_view.py" line="85"/>
        <source>Nothing was heard.</source>
        <translation>Nada foi ouvido.</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <location filename="../../desktop/progress_chart.py" line="36"/>
        <source>Progress charts</source>
        <translation>Gráficos de progresso</translation>
    </message>
    <message>
        <location filename="../../desktop/progress_chart.py" line="52"/>
        <source>Your charts appear after your first answers.</source>
        <translation>Seus gráficos aparecem depois das primeiras respostas.</translation>
    </message>
    <message>
        <location filename="../../desktop/progress_chart.py" line="64"/>
        <source>By exercise</source>
        <translation>Por exercício</translation>
    </message>
    <message>
        <location filename="../../desktop/progress_chart.py" line="70"/>
        <source>By level</source>
        <translation>Por nível</translation>
    </message>
    <message>
        <location filename="../../desktop/progress_chart.py" line="74"/>
        <source>Words to work on</source>
        <translation>Palavras para praticar</translation>
    </message>
    <message>
        <location filename="../../desktop/progress_chart.py" line="81"/>
        <source>Streak: {0} day(s) · active on {1} day(s)</source>
        <translation>Sequência: {0} dia(s) · ativo em {1} dia(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/progress_chart.py" line="83"/>
        <source>most practised topic: {0}</source>
        <translation>tema mais praticado: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/progress_chart.py" line="94"/>
        <source>Scores over time</source>
        <translation>Pontuações ao longo do tempo</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="487"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="489"/>
        <source>Current model</source>
        <translation>Modelo atual</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="489"/>
        <source>New model (as installed)</source>
        <translation>Novo modelo (como instalado)</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="492"/>
        <source>Term accuracy (held-out sentences)</source>
        <translation>Acerto dos termos (frases reservadas)</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="493"/>
        <source>chrF++ on your held-out sentences</source>
        <translation>chrF++ nas suas frases reservadas</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="494"/>
        <source>chrF++ on general sentences</source>
        <translation>chrF++ em frases gerais</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="506"/>
        <source>Measured on sentences the training never saw, with the compact (int8) model exactly as the app will run it.</source>
        <translation>Medido em frases que o treino nunca viu, com o modelo compacto (int8) exatamente como o aplicativo vai executá-lo.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="513"/>
        <source>Sentence</source>
        <translation>Frase</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="513"/>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="513"/>
        <source>After</source>
        <translation>Depois</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="516"/>
        <source>Use the new model from now on</source>
        <translation>Usar o novo modelo a partir de agora</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="518"/>
        <source>Keep the current model (the new one stays installed; switch any time)</source>
        <translation>Manter o modelo atual (o novo continua instalado; troque quando quiser)</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="538"/>
        <source>not measured</source>
        <translation>não medido</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="544"/>
        <source>The adapted model was not better on your held-out sentences, or lost too much general quality, so it was not installed; your current model stays.</source>
        <translation>O modelo adaptado não foi melhor nas suas frases reservadas, ou perdeu qualidade geral demais, por isso não foi instalado; o seu modelo atual continua.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="147"/>
        <source>Review problems</source>
        <translation>Revisar problemas</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="151"/>
        <source>The file&apos;s columns are the other way round (swap them)</source>
        <translation>As colunas do arquivo estão invertidas (trocá-las)</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="184"/>
        <source>{rows} rows read ({fmt}, {enc}); {n} terms will be imported. </source>
        <translation>{rows} linhas lidas ({fmt}, {enc}); {n} termos serão importados. </translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="188"/>
        <source>Fix the errors below: nothing will be imported while they remain.</source>
        <translation>Corrija os erros abaixo: nada será importado enquanto eles existirem.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="190"/>
        <source>No errors: the warnings below say what was left out.</source>
        <translation>Sem erros: os avisos abaixo dizem o que ficou de fora.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="192"/>
        <source>No problems found.</source>
        <translation>Nenhum problema encontrado.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="199"/>
        <source> (rows {rows})</source>
        <translation> (linhas {rows})</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="200"/>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="200"/>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="48"/>
        <source>Same as the system</source>
        <translation>Igual ao sistema</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="52"/>
        <location filename="../../desktop/pages/settings_page.py" line="57"/>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="53"/>
        <source>Processor (CPU)</source>
        <translation>Processador (CPU)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="54"/>
        <source>Graphics card (CUDA)</source>
        <translation>Placa de vídeo (CUDA)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="60"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="61"/>
        <source>Change…</source>
        <translation>Alterar…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="65"/>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="67"/>
        <source>Interface language</source>
        <translation>Idioma da interface</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="68"/>
        <source>Run models on</source>
        <translation>Executar modelos em</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="69"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="74"/>
        <source>Data folder</source>
        <translation>Pasta de dados</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="77"/>
        <source>Privacy</source>
        <translation>Privacidade</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="81"/>
        <source>Palavra works entirely on this computer. Your texts, documents, recordings, glossaries and history never leave it: there is no account, no cloud service, no telemetry, and Palavra makes no network connection. Everything it keeps is in the data folder above; delete that folder to remove it all.</source>
        <translation>O Palavra funciona inteiramente neste computador. Seus textos, documentos, gravações, glossários e histórico nunca saem dele: não há conta, nem serviço na nuvem, nem telemetria, e o Palavra não faz nenhuma conexão de rede. Tudo o que ele guarda está na pasta de dados acima; apague essa pasta para remover tudo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="94"/>
        <source>Palavra {0} — offline translation and language practice.</source>
        <translation>Palavra {0} — tradução e prática de idiomas sem internet.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="129"/>
        <source>No CUDA graphics card was found.</source>
        <translation>Nenhuma placa de vídeo CUDA foi encontrada.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="137"/>
        <location filename="../../desktop/pages/settings_page.py" line="152"/>
        <source>Restart Palavra to apply these changes.</source>
        <translation>Reinicie o Palavra para aplicar estas alterações.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="146"/>
        <source>Choose the data folder</source>
        <translation>Escolha a pasta de dados</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings_page.py" line="154"/>
        <source>That folder cannot be written; choose another.</source>
        <translation>Não é possível gravar nessa pasta; escolha outra.</translation>
    </message>
</context>
<context>
    <name>Sound</name>
    <message>
        <location filename="../../desktop/sound.py" line="37"/>
        <source>No sound output device was found, so the sentence cannot be played. Connect speakers or headphones and try again; you can still type, record or score a file.</source>
        <translation>Nenhuma saída de som foi encontrada, então a frase não pode ser tocada. Conecte alto-falantes ou fones de ouvido e tente de novo; você ainda pode digitar, gravar ou avaliar um arquivo.</translation>
    </message>
    <message>
        <location filename="../../desktop/sound.py" line="42"/>
        <source>No microphone was found. Connect a microphone and try again, or score a recording with “Score a file…”.</source>
        <translation>Nenhum microfone foi encontrado. Conecte um microfone e tente de novo, ou avalie uma gravação com “Avaliar um arquivo…”.</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="373"/>
        <source>Training</source>
        <translation>Treino</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="378"/>
        <source>Cancel training</source>
        <translation>Cancelar o treino</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="398"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="436"/>
        <source>Loading the model…</source>
        <translation>Carregando o modelo…</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="437"/>
        <source>Preparing training sentences…</source>
        <translation>Preparando as frases de treino…</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="438"/>
        <source>Evaluating the current model…</source>
        <translation>Avaliando o modelo atual…</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="439"/>
        <source>Exporting and installing the new model…</source>
        <translation>Exportando e instalando o novo modelo…</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="448"/>
        <source>Training: {done:.0f} of {total:.0f} s, step {step}</source>
        <translation>Treino: {done:.0f} de {total:.0f} s, passo {step}</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="464"/>
        <source>Done.</source>
        <translation>Concluído.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="468"/>
        <source>Cancelled. Nothing was installed; your models are unchanged.</source>
        <translation>Cancelado. Nada foi instalado; os seus modelos não mudaram.</translation>
    </message>
    <message>
        <location filename="../../desktop/finetune_wizard.py" line="474"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>TranslatePage</name>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="91"/>
        <source>Source language</source>
        <extracomment>Pause in typing before a request is sent (ms): with a sentence translated in 5-20 ms, the translation is on screen about 120 ms after the last key (benchmarks/typing_latency.py); the latest request replaces a waiting one. Pause after a translation before it is saved in the history (ms). A text saved again within this time, extending or shortening the last one, replaces it in the history (s).</extracomment>
        <translation>Idioma de origem</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="94"/>
        <source>Swap languages (Ctrl+Shift+S)</source>
        <translation>Inverter idiomas (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="97"/>
        <source>Target language</source>
        <translation>Idioma de destino</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="100"/>
        <source>Use glossary</source>
        <translation>Usar glossário</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="116"/>
        <source>Type or paste text to translate</source>
        <translation>Digite ou cole o texto a traduzir</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="117"/>
        <source>Text to translate</source>
        <translation>Texto a traduzir</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="120"/>
        <location filename="../../desktop/pages/translate_page.py" line="121"/>
        <source>Translation</source>
        <translation>Tradução</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="127"/>
        <source>Translate clipboard</source>
        <translation>Traduzir área de transferência</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="129"/>
        <source>Clear</source>
        <translation>Limpar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="133"/>
        <source>Translating…</source>
        <translation>Traduzindo…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="134"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="174"/>
        <location filename="../../desktop/pages/translate_page.py" line="178"/>
        <source>Recent translations</source>
        <translation>Traduções recentes</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="176"/>
        <source>Clear history</source>
        <translation>Limpar histórico</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="236"/>
        <source>The clipboard holds no text.</source>
        <translation>A área de transferência não tem texto.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="279"/>
        <source>Translation copied.</source>
        <translation>Tradução copiada.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="311"/>
        <source>This text is too long to translate as you type; use the Documents page.</source>
        <translation>Este texto é longo demais para traduzir enquanto você digita; use a página Documentos.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="356"/>
        <source>Detected: {0}</source>
        <translation>Detectado: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="357"/>
        <source>Confidence {0:.0%}</source>
        <translation>Confiança {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/translate_page.py" line="477"/>
        <source>{0} characters</source>
        <translation>{0} caracteres</translation>
    </message>
</context>
<context>
    <name>WordMarker</name>
    <message>
        <location filename="../../desktop/pages/word_marker.py" line="61"/>
        <location filename="../../desktop/pages/word_marker.py" line="93"/>
        <source>Add to my words</source>
        <extracomment>``() -&gt; (source language or &quot;auto&quot;, target language)`` of the text now in the panes. a word was stored (or found on the list already): the :class:`engine.api.MarkedWord`</extracomment>
        <translation>Adicionar às minhas palavras</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/word_marker.py" line="64"/>
        <source>Select a word or a short phrase in either pane to practise it on the Practise page&apos;s word cards (Ctrl+Shift+W)</source>
        <translation>Selecione uma palavra ou uma expressão curta em qualquer um dos painéis para praticá-la nos cartões de palavras da página Praticar (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/word_marker.py" line="114"/>
        <location filename="../../desktop/pages/word_marker.py" line="123"/>
        <source>Select a word in either pane first.</source>
        <translation>Selecione primeiro uma palavra em um dos painéis.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/word_marker.py" line="148"/>
        <source>Looking up “{0}”…</source>
        <translation>Procurando “{0}”…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/word_marker.py" line="160"/>
        <source>“{0}” is already in your words.</source>
        <translation>“{0}” já está nas suas palavras.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/word_marker.py" line="163"/>
        <source>Added “{0}” (“{1}”) to your words: practise it on the Practise page.</source>
        <translation>“{0}” (“{1}”) foi adicionada às suas palavras: pratique-a na página Praticar.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/word_marker.py" line="169"/>
        <source>Added “{0}” to your words: practise it on the Practise page.</source>
        <translation>“{0}” foi adicionada às suas palavras: pratique-a na página Praticar.</translation>
    </message>
</context>
</TS>
